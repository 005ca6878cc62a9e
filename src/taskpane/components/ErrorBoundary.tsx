import { Component, type ReactNode } from 'react';
import type { Strings } from '../../i18n';
import { describeError } from '../errors';
import { ErrorScreen } from './BootScreens';

interface Props {
  strings: Strings;
  children: ReactNode;
}

/** Whatever breaks while rendering, the pane shows a sentence and a way out, not a blank page. */
export class ErrorBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(e: unknown) {
    return { message: e instanceof Error ? e.message : String(e) };
  }

  override render() {
    const { message } = this.state;
    if (message === null) return this.props.children;
    return <ErrorScreen strings={this.props.strings} message={describeError(new Error(message), this.props.strings)} />;
  }
}
