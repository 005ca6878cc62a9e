/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { zh } from '../../src/i18n';
import { ErrorBoundary } from '../../src/taskpane/components/ErrorBoundary';

function Broken(): never {
  throw new Error('渲染出错');
}

test('a rendering failure shows a readable message instead of a blank pane', () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <ErrorBoundary strings={zh}>
      <Broken />
    </ErrorBoundary>,
  );
  expect(screen.getByText('操作没有完成：渲染出错')).toBeTruthy();
  spy.mockRestore();
});
