import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The WebSocket end of Slack's Socket Mode: the URL apps.connections.open hands out. Greets each client
 * with `hello`, delivers envelopes (slash commands, interactions, events) and records the acks.
 */
export class SocketModeServer {
  readonly acks: Record<string, unknown>[] = [];
  readonly sockets: WebSocket[] = [];
  readonly #server: WebSocketServer;

  private constructor(server: WebSocketServer) {
    this.#server = server;
    server.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (data) => this.acks.push(JSON.parse(String(data)) as Record<string, unknown>));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 18060 }, connection_info: { app_id: 'AFAKE' } }));
    });
  }

  static async start(): Promise<SocketModeServer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    return new SocketModeServer(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/link`;
  }

  /** Sends one envelope to the newest connection. */
  deliver(envelopeId: string, type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): void {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no Socket Mode client is connected');
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
