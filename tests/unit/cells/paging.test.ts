import { describe, expect, it } from 'vitest';
import { COLUMNS_PER_PAGE, MAX_SHOWN_CHARS, pageWindow, shownText, windowText } from '../../../src/cells/shared/paging';

describe('pageWindow', () => {
  it('shows everything on one page when it fits', () => {
    expect(pageWindow(14, 0)).toEqual({ page: 0, pages: 1, start: 0, end: 14, total: 14 });
    expect(pageWindow(0, 0)).toEqual({ page: 0, pages: 1, start: 0, end: 0, total: 0 });
  });

  it('pages 10,000 columns 50 at a time, the last page partial', () => {
    expect(COLUMNS_PER_PAGE).toBe(50);
    expect(pageWindow(10_000, 1)).toEqual({ page: 1, pages: 200, start: 50, end: 100, total: 10_000 });
    expect(pageWindow(120, 2)).toEqual({ page: 2, pages: 3, start: 100, end: 120, total: 120 });
  });

  it('clamps a page that no longer exists (fewer columns after a new upload)', () => {
    expect(pageWindow(120, 7).page).toBe(2);
    expect(pageWindow(120, -3).page).toBe(0);
    expect(pageWindow(120, NaN).page).toBe(0);
    expect(pageWindow(30, 5)).toMatchObject({ page: 0, start: 0, end: 30 });
  });

  it('says the window with thousands separated', () => {
    expect(windowText(pageWindow(10_000, 199))).toBe('9,951–10,000 of 10,000');
  });
});

describe('shownText', () => {
  it('keeps short values and cuts long ones, saying their length', () => {
    expect(shownText('short')).toEqual({ text: 'short' });
    expect(shownText('x'.repeat(MAX_SHOWN_CHARS))).toEqual({ text: 'x'.repeat(MAX_SHOWN_CHARS) });
    const cut = shownText('y'.repeat(2_000_000));
    expect(cut.text).toBe(`${'y'.repeat(MAX_SHOWN_CHARS)}…`);
    expect(cut.cutFrom).toBe(2_000_000);
  });
});
