import { describe, expect, it } from 'vitest';
import { routeOfPath } from '../../../../console/src/routing/deep-link.ts';
import { caseLink } from '../../../../core/alarms/render.ts';

describe('a link by path becomes the console\'s hash route', () => {
  it('turns the case link an alarm sends into the case page\'s route', () => {
    const link = new URL(caseLink('https://d111.cloudfront.net/console/', 'order-SO-1'));
    expect(routeOfPath(link.pathname, '/console/')).toBe('/cases/order-SO-1');
  });

  it('keeps an encoded case id encoded, for the router to decode', () => {
    expect(routeOfPath('/console/cases/order-SO%2F7', '/console/')).toBe('/cases/order-SO%2F7');
  });

  it('leaves the console\'s own page alone', () => {
    expect(routeOfPath('/console/', '/console/')).toBeUndefined();
    expect(routeOfPath('/console/index.html', '/console/')).toBeUndefined();
    expect(routeOfPath('/elsewhere', '/console/')).toBeUndefined();
  });
});
