/**
 * The charts' door in the main bundle: React.lazy fetches the `charts` chunk (the chart data,
 * layout and drawing) the first time a batch's city results are shown; a chunk that fails to
 * load says so in a sentence and leaves the rest of the page alone.
 */
import { Body1, Spinner } from '@fluentui/react-components';
import { Component, Suspense, lazy, type ReactNode } from 'react';
import type { Strings } from '../../../i18n';
import type { CityChartsProps } from './CityCharts';

const CityCharts = lazy(() => import(/* webpackChunkName: "charts" */ './CityCharts'));

class ChartsBoundary extends Component<{ failed: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <Body1 data-charts-failed>{this.props.failed}</Body1> : this.props.children;
  }
}

export function LazyCityCharts(props: CityChartsProps & { strings: Strings }) {
  return (
    <ChartsBoundary failed={props.strings.charts.failed}>
      <Suspense fallback={<Spinner size="tiny" label={props.strings.charts.loading} />}>
        <CityCharts {...props} />
      </Suspense>
    </ChartsBoundary>
  );
}
