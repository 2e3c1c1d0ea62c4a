import { createServer, type Server } from 'node:http';

// A page on another origin (http://localhost:<port>, a different site from the console's
// http://127.0.0.1:<port>) that tries to drive the console the ways a malicious site can:
// no-cors fetches, HTML forms with text/plain and urlencoded bodies, and framing.

export interface AttackerSite {
  url: string;
  close(): Promise<void>;
}

export async function startAttackerSite(html: string): Promise<AttackerSite> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
