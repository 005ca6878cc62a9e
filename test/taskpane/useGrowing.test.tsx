/**
 * @jest-environment jsdom
 *
 * A long list mounted a slice at a time (the charts of 1,000 districts): the first slice with the
 * list, then more on later tasks until all are shown, never more than there are; a new list
 * starts again from the first slice.
 */
import { act, render, waitFor } from '@testing-library/react';
import { useGrowing } from '../../src/taskpane/components/charts/useGrowing';

const seen: number[] = [];

function List({ total, of }: { total: number; of: unknown }) {
  const shown = useGrowing(total, 100, of);
  seen.push(shown);
  return <p data-shown={shown} />;
}

const shown = () => Number(document.querySelector('[data-shown]')!.getAttribute('data-shown'));

test('the first slice at once, then more on later tasks up to the whole list; a new list starts again', async () => {
  seen.length = 0;
  const first = ['a'];
  const { rerender } = render(<List total={2500} of={first} />);
  expect(seen[0]).toBe(100);
  await waitFor(() => expect(shown()).toBe(2500), { timeout: 20000 });
  // it grew in steps, never past the end
  expect(new Set(seen).size).toBeGreaterThan(2);
  expect(Math.max(...seen)).toBe(2500);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));

  act(() => rerender(<List total={2500} of={['b']} />));
  expect(shown()).toBe(100);
  await waitFor(() => expect(shown()).toBe(2500), { timeout: 20000 });
});

test('a list shorter than the first slice is shown whole at once', () => {
  render(<List total={30} of={[]} />);
  expect(shown()).toBe(30);
});
