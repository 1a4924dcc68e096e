/**
 * Reading back what Pagefind wrote (its 1.x bundle format): each hashed file is gzip of
 * `pagefind_dcd` and a payload. A fragment's payload is the page's JSON (its URL first); a
 * language's `pagefind.<language>_<hash>.pf_meta` is CBOR whose second item lists the pages'
 * fragment names in page-number order.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

const SIGNATURE = "pagefind_dcd";

/** A page's fragment: its file name, the URL it holds, and its bytes. */
export interface Fragment {
  name: string;
  url: string;
  bytes: Buffer;
}

function payload(bytes: Buffer): Buffer {
  const data = gunzipSync(bytes);
  if (data.toString("latin1", 0, SIGNATURE.length) !== SIGNATURE)
    throw new Error("not a Pagefind file (no pagefind_dcd signature)");
  return data.subarray(SIGNATURE.length);
}

/** The URL a fragment holds, as a reader sees it (percent-escapes decoded). */
function fragmentUrl(bytes: Buffer): string {
  const { url } = JSON.parse(payload(bytes).toString("utf8")) as { url: string };
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * The fragments in `<outputPath>/fragment/`, by name. One in `known` (a file known to hold those
 * bytes) is neither read nor decompressed again.
 */
export function readFragments(outputPath: string, known: ReadonlyMap<string, Fragment>): Fragment[] {
  const dir = path.join(outputPath, "fragment");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".pf_fragment"))
    .sort()
    .map((name) => {
      const same = known.get(name);
      if (same) return same;
      const bytes = readFileSync(path.join(dir, name));
      return { name, url: fragmentUrl(bytes), bytes };
    });
}

/** A CBOR item: what the meta file holds (integers, strings, byte strings, arrays, maps, simple values). */
type Cbor = number | string | Buffer | boolean | null | Cbor[] | Map<Cbor, Cbor>;

/** Decodes one CBOR item filling `bytes` (definite lengths only, as Pagefind writes). */
export function decodeCbor(bytes: Buffer): Cbor {
  let at = 0;
  const take = (count: number): number => {
    if (at + count > bytes.length) throw new Error("CBOR: truncated");
    const start = at;
    at += count;
    return start;
  };
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes.readUInt8(take(1));
    if (info === 25) return bytes.readUInt16BE(take(2));
    if (info === 26) return bytes.readUInt32BE(take(4));
    if (info === 27) return Number(bytes.readBigUInt64BE(take(8)));
    throw new Error(`CBOR: unsupported length ${info}`);
  };
  const item = (depth: number): Cbor => {
    if (depth > 64) throw new Error("CBOR: nested too deep");
    const head = bytes.readUInt8(take(1));
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2: {
        const size = length(info);
        const start = take(size);
        return bytes.subarray(start, start + size);
      }
      case 3: {
        const size = length(info);
        const start = take(size);
        return bytes.toString("utf8", start, start + size);
      }
      case 4: {
        const size = length(info);
        if (size > bytes.length) throw new Error("CBOR: array longer than the data");
        return Array.from({ length: size }, () => item(depth + 1));
      }
      case 5: {
        const size = length(info);
        if (size > bytes.length) throw new Error("CBOR: map longer than the data");
        const map = new Map<Cbor, Cbor>();
        for (let i = 0; i < size; i++) map.set(item(depth + 1), item(depth + 1));
        return map;
      }
      default:
        if (major === 7 && info === 20) return false;
        if (major === 7 && info === 21) return true;
        if (major === 7 && info === 22) return null;
        throw new Error(`CBOR: unsupported item ${major}/${info}`);
    }
  };
  const value = item(0);
  if (at !== bytes.length) throw new Error("CBOR: data after the item");
  return value;
}

/**
 * Each language's pages, as fragment names in page-number order (one list per meta file, in
 * file-name order); undefined when a meta file is not the shape this reader knows.
 */
export function readPageOrder(outputPath: string): string[][] | undefined {
  try {
    return readdirSync(outputPath)
      .filter((name) => /^pagefind\..+\.pf_meta$/.test(name))
      .sort()
      .map((name) => {
        const meta = decodeCbor(payload(readFileSync(path.join(outputPath, name))));
        const pages = Array.isArray(meta) ? meta[1] : undefined;
        if (!Array.isArray(pages)) throw new Error("meta: no page list");
        return pages.map((page) => {
          const hash = Array.isArray(page) ? page[0] : undefined;
          if (typeof hash !== "string") throw new Error("meta: a page without its hash");
          return `${hash}.pf_fragment`;
        });
      });
  } catch {
    return undefined;
  }
}
