/** Reading Pagefind's bundle back: its CBOR meta file, and a meta file this reader does not know. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { decodeCbor, readPageOrder } from "../../lib/search/pagefind-files.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("CBOR", () => {
  it("decodes the items a meta file holds", () => {
    // ["1.6.0", [["en_abc1234", 500, ""]], {}, true, null, -2, h'0102']
    const bytes = Buffer.from([
      0x87,
      ...[0x65, ...Buffer.from("1.6.0")],
      ...[0x81, 0x83, 0x6a, ...Buffer.from("en_abc1234"), 0x19, 0x01, 0xf4, 0x60],
      0xa0,
      0xf5,
      0xf6,
      0x21,
      ...[0x42, 0x01, 0x02],
    ]);
    expect(decodeCbor(bytes)).toEqual([
      "1.6.0",
      [["en_abc1234", 500, ""]],
      new Map(),
      true,
      null,
      -2,
      Buffer.from([1, 2]),
    ]);
  });

  it("refuses a truncated item, data after it, and a length past the data", () => {
    expect(() => decodeCbor(Buffer.from([0x82, 0x01]))).toThrow("CBOR: truncated");
    expect(() => decodeCbor(Buffer.from([0x01, 0x02]))).toThrow("CBOR: data after the item");
    expect(() => decodeCbor(Buffer.from([0x9a, 0xff, 0xff, 0xff, 0xff]))).toThrow(
      "CBOR: array longer than the data",
    );
  });
});

describe("the page order of a bundle", () => {
  function bundle(meta: Buffer): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dateline-pagefind-files-"));
    made.push(dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "pagefind.en_1234567.pf_meta"),
      gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), meta])),
    );
    return dir;
  }

  it("lists each language's fragments in page order", () => {
    const meta = Buffer.from([
      0x82,
      ...[0x65, ...Buffer.from("1.6.0")],
      ...[
        0x82,
        0x82,
        0x6a,
        ...Buffer.from("en_bbbbbbb"),
        0x01,
        0x82,
        0x6a,
        ...Buffer.from("en_aaaaaaa"),
        0x02,
      ],
    ]);
    expect(readPageOrder(bundle(meta))).toEqual([["en_bbbbbbb.pf_fragment", "en_aaaaaaa.pf_fragment"]]);
  });

  it("is unknown for a meta file of another shape", () => {
    expect(readPageOrder(bundle(Buffer.from([0x81, 0x01])))).toBeUndefined();
    expect(readPageOrder(bundle(Buffer.from([0x82, 0x01, 0x81, 0x02])))).toBeUndefined();
    expect(readPageOrder(bundle(Buffer.from("not cbor at all")))).toBeUndefined();
  });
});
