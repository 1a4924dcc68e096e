/**
 * Looks up records by id, keeping the id: turns an issue's `authors: [a, b]` into the
 * author records in the same order.
 * @example pickByIds(["russia"], topics) // [{ id: "russia", name: "Russia", … }]
 */
export function pickByIds<T extends object>(
  ids: readonly string[],
  records: Record<string, T>,
): (T & { id: string })[] {
  return ids.flatMap((id) => {
    const record = records[id];
    return record ? [{ ...record, id }] : [];
  });
}
