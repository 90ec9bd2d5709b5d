/** Listening on a configured port, with a refusal that names the setting to change. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A port or host the runtime cannot listen on; the message names the setting (`EDGE_PORT / --edge-port`). */
export class ListenRefused extends Error {
  override readonly name = 'ListenRefused';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ListenSetting {
  /** How the user sets the port, e.g. `PORT / --port`. */
  port: string;
  /** How the user sets the host, e.g. `HOST / --host`. */
  host: string;
}

/** Listens and resolves the server's URL; rejects with `ListenRefused` naming the setting. */
export function listen(server: Server, port: number, host: string, setting: ListenSetting): Promise<string> {
  return new Promise((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException): void => reject(refusal(error, port, host, setting));
    server.once('error', refuse);
    server.listen(port, host, () => {
      server.off('error', refuse);
      resolve(`http://${host}:${(server.address() as AddressInfo).port}`);
    });
  });
}

function refusal(error: NodeJS.ErrnoException, port: number, host: string, setting: ListenSetting): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ListenRefused(setting.port, `${setting.port}: port ${port} on ${host} is in use by another program; stop it or choose another port`);
    case 'EACCES':
      return new ListenRefused(setting.port, `${setting.port}: port ${port} needs privileges this user lacks; choose a port above 1023`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ListenRefused(setting.host, `${setting.host}: ${host} is not an address of this machine`);
    default:
      return error;
  }
}
