// A minimal static file server for dist/, mounted under an arbitrary sub-path, so a test can prove
// the built app works away from the site root (as on a project page of a static host).
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface MountedSite {
  url: string;
  close(): Promise<void>;
}

/** Serve `root` at http://127.0.0.1:<free port><mount>; everything outside the mount is 404. */
export async function serveUnderSubPath(root: string, mount: string): Promise<MountedSite> {
  const base = resolve(root);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(mount)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(mount.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    let file = join(base, rel);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
