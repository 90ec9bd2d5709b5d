import type { RouteDecl } from '../../platform/manifest-types.ts';

export interface RouteMatch {
  route: RouteDecl;
  routeKey: string;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: RouteDecl;
  pattern: RegExp;
  names: string[];
}

/** The manifest's routes as API Gateway matches them: `{name}` is one path segment. */
export class RouteTable {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly RouteDecl[]) {
    this.routes = routes.map((route) => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map((segment) => {
          const param = /^\{([A-Za-z0-9_]+)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          names.push(param[1] as string);
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /**
   * The route for a request, `'method-not-allowed'` when only the method is wrong,
   * `'bad-encoding'` when a path parameter is not valid percent-encoding (`%ZZ`), or undefined.
   */
  match(method: string, path: string): RouteMatch | 'method-not-allowed' | 'bad-encoding' | undefined {
    let pathMatched = false;
    for (const { route, pattern, names } of this.routes) {
      const m = pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const pathParameters: Record<string, string> = {};
      try {
        names.forEach((name, i) => (pathParameters[name] = decodeURIComponent(m[i + 1] as string)));
      } catch {
        return 'bad-encoding';
      }
      return { route, routeKey: `${route.method} ${route.path}`, pathParameters };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}
