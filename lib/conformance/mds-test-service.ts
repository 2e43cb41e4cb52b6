// Serves the suite's MDS3 test BLOBs (mds-blobs.ts) over HTTP on localhost, for a target that can be pointed at a
// metadata URL: GET /blob/<name> (the JWS), /crl/<name> (DER), /root.pem. Nothing else; every other path is a 404.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { makeSuiteMdsFiles, type SuiteMdsFiles } from "./mds-blobs";

export type SuiteMdsService = {
  /** The BLOB URLs a target loads: the valid one, then the four it must refuse. */
  blobUrls: string[];
  rootPem: string;
  close: () => Promise<void>;
};

export async function startSuiteMdsService(port = 0): Promise<SuiteMdsService> {
  // Made once the port is known: the CRL URLs inside the certificates name it.
  const made: { files?: SuiteMdsFiles } = {};
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const [, kind, name] = path.split("/");
    const { files } = made;
    const body =
      request.method !== "GET" || !files
        ? undefined
        : kind === "blob" && name
          ? files.blobs[name]
          : kind === "crl" && name
            ? files.crls[name]
            : path === "/root.pem"
              ? files.rootPem
              : undefined;
    if (body === undefined) return response.writeHead(404).end();
    const type =
      kind === "crl" ? "application/pkix-crl" : kind === "blob" ? "application/jwt" : "application/x-pem-file";
    response.writeHead(200, { "content-type": type }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", resolve);
  });
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const files = await makeSuiteMdsFiles(base);
  made.files = files;
  return {
    blobUrls: Object.keys(files.blobs).map((name) => `${base}/blob/${name}`),
    rootPem: files.rootPem,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
