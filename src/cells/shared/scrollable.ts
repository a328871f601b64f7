// A box whose content can scroll (a wide table, long code) must be reachable
// by keyboard, or a keyboard reader cannot see what lies past its edge. This
// attachment ({@attach scrollable}) makes the box a tab stop (tabindex="0")
// only while its content overflows, so small tables add no pointless stops.
// Pair it with an aria-label that says what scrolls.

export function scrollable(node: HTMLElement): () => void {
  const update = () => {
    const overflows = node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
    if (overflows) node.tabIndex = 0;
    else node.removeAttribute('tabindex');
  };
  // The box changes size with the window; its content (a table) with new rows or columns.
  // Every observe() also brings one first notification, after the browser's own layout and
  // before paint: update() runs there, never synchronously here, because reading scrollWidth
  // while a notebook is being mounted forces a layout per box (~90 ms of the first lesson's
  // first render, docs/performance.md "The first plot").
  const sizes = new ResizeObserver(update);
  const watchChildren = () => {
    sizes.disconnect();
    sizes.observe(node);
    for (const child of node.children) sizes.observe(child);
  };
  const children = new MutationObserver(watchChildren);
  children.observe(node, { childList: true });
  watchChildren();
  return () => {
    sizes.disconnect();
    children.disconnect();
  };
}
