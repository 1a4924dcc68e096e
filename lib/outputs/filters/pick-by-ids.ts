import { findById } from "../../contract/schema.ts";

/**
 * Looks up records by id, keeping the id: turns an issue's `authors: [a, b]` into the
 * author records in the same order. Ids are own keys only, so `constructor` finds nothing.
 * @example pickByIds(["russia"], topics) // [{ id: "russia", name: "Russia", … }]
 */
export function pickByIds<T extends object>(
  ids: readonly string[],
  records: Readonly<Record<string, T>>,
): (T & { id: string })[] {
  return ids.flatMap((id) => {
    const record = findById(records, id);
    return record ? [{ ...record, id }] : [];
  });
}
