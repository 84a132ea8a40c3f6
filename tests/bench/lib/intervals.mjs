// Sets of time intervals [start, end) in microseconds, kept sorted and disjoint.

/** Sorts and merges overlapping or touching intervals. */
export function union(intervals) {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Intersection of two merged interval lists. */
export function intersect(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (e > s) out.push([s, e]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

export function total(intervals) {
  let sum = 0;
  for (const [s, e] of intervals) sum += e - s;
  return sum;
}

/** Total length of `merged` inside [start, end). */
export function within(merged, start, end) {
  return total(intersect(merged, [[start, end]]));
}

/** `a` without `b` (both merged). */
export function subtract(a, b) {
  const out = [];
  let j = 0;
  for (const [s0, e] of a) {
    let s = s0;
    while (j < b.length && b[j][1] <= s) j++;
    for (let k = j; k < b.length && b[k][0] < e; k++) {
      if (b[k][0] > s) out.push([s, b[k][0]]);
      s = Math.max(s, b[k][1]);
    }
    if (e > s) out.push([s, e]);
  }
  return out;
}
