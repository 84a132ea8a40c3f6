/** Where an element is in the top window: its own box, moved by every frame (and frame border) around it. */
export function rectInTop(target: Element): { left: number; top: number; width: number; height: number } {
  const r = target.getBoundingClientRect();
  let { left, top } = r;
  for (let frame = target.ownerDocument.defaultView?.frameElement; frame;) {
    const f = frame.getBoundingClientRect();
    left += f.left + frame.clientLeft;
    top += f.top + frame.clientTop;
    frame = frame.ownerDocument.defaultView?.frameElement;
  }
  return { left, top, width: r.width, height: r.height };
}
