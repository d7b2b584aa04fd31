// Reads a PMTiles archive with the reference JavaScript reader (the `pmtiles` package) and writes
// what it sees as JSON, so a Java test can compare it with what the Java writer put in.
//
// Usage: node read-archive.mjs ARCHIVE REQUESTS_JSON OUTPUT_JSON
//   REQUESTS_JSON: [[z, x, y], ...] tiles to fetch (absent ones come back as null)
//   OUTPUT_JSON:   {header, metadata, tiles: [{z, x, y, tileId, data (base64) | null}]}
import { open } from "node:fs/promises";
import { readFile, writeFile } from "node:fs/promises";
import { PMTiles, zxyToTileId } from "pmtiles";

// The package ships sources for browsers (File) and HTTP (fetch); a Node file needs its own.
class NodeFileSource {
  constructor(path) {
    this.path = path;
    this.handle = null;
  }

  getKey() {
    return this.path;
  }

  async getBytes(offset, length) {
    if (this.handle === null) {
      this.handle = await open(this.path, "r");
    }
    const buffer = Buffer.alloc(length);
    // The reader asks for the first 16 KiB at once, which may run past the end of a small archive.
    const { bytesRead } = await this.handle.read(buffer, 0, length, offset);
    const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + bytesRead);
    return { data };
  }

  async close() {
    if (this.handle !== null) {
      await this.handle.close();
      this.handle = null;
    }
  }
}

async function main() {
  const [archive, requestsPath, outputPath] = process.argv.slice(2);
  if (!archive || !requestsPath || !outputPath) {
    throw new Error("usage: node read-archive.mjs ARCHIVE REQUESTS_JSON OUTPUT_JSON");
  }
  const requests = JSON.parse(await readFile(requestsPath, "utf8"));
  const source = new NodeFileSource(archive);
  try {
    const pmtiles = new PMTiles(source);
    const header = await pmtiles.getHeader();
    const metadata = await pmtiles.getMetadata();
    const tiles = [];
    for (const [z, x, y] of requests) {
      const tile = await pmtiles.getZxy(z, x, y);
      tiles.push({
        z,
        x,
        y,
        tileId: zxyToTileId(z, x, y),
        data: tile ? Buffer.from(tile.data).toString("base64") : null,
      });
    }
    delete header.etag;
    await writeFile(outputPath, JSON.stringify({ header, metadata, tiles }));
  } finally {
    await source.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
