/**
 * One chart on a canvas. Only the chart.js parts the dashboard draws are registered, so the rest is
 * left out of the bundle. The canvas is an image with a summary for screen readers; the same figures
 * are in a table next to it.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { createEffect, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../lib/strings.ts';
import { type ChartData, hasData } from './shape.ts';

Chart.register(
  [BarController, LineController],
  [BarElement, LineElement, PointElement],
  [CategoryScale, LinearScale],
  [Legend, Tooltip],
);

/** Colours that hold AA contrast on white; lines also differ by dash and point shape. */
const LIGHT = {
  palette: ['#1d4e89', '#b34700', '#1e5b2e', '#45307a', '#6b4a00'],
  ink: '#1b1f24',
  grid: '#d3d9e0',
};
/** The same hues, light enough to stand out on the dark theme's panels. */
const DARK = {
  palette: ['#8ab4f8', '#ffa657', '#7ee2a8', '#cdb8ff', '#f2cc60'],
  ink: '#e6edf3',
  grid: '#3d4652',
};

function colours(): typeof LIGHT {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? DARK : LIGHT;
}

/** `stackedBars`: one column per label with its series stacked (many weeks × a few series stay readable). */
export type ChartKind = 'bars' | 'stackedBars' | 'horizontalBars' | 'percentLines' | 'pareto';

export interface ChartSpec {
  kind: ChartKind;
  data: ChartData;
  /** Words on the value axis. */
  valueTitle?: string;
}

type Config = ChartConfiguration<'bar' | 'line', Array<number | null>, string>;
type Dataset = ChartDataset<'bar' | 'line', Array<number | null>>;

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The chart.js configuration of a spec. */
export function chartConfig(spec: ChartSpec): Config {
  const { data } = spec;
  const { palette: PALETTE, ink: INK, grid: GRID } = colours();
  const axisTitle = (text: string | undefined) => (text ? { display: true, text, color: INK } : { display: false });
  const horizontal = spec.kind === 'horizontalBars';
  const stacked = spec.kind === 'stackedBars';
  const datasets: Dataset[] = data.series.map((series, i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    const line = spec.kind === 'percentLines' || (spec.kind === 'pareto' && i === 1);
    if (line) {
      return {
        type: 'line',
        label: series.label,
        data: series.values,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 2,
        borderDash: i % 2 === 1 ? [6, 4] : [],
        pointStyle: i % 2 === 1 ? 'rectRot' : 'circle',
        pointRadius: 4,
        spanGaps: true,
        // Points on the edge (100 %, 0) are drawn whole, not cut by the chart area.
        clip: 6,
        ...(spec.kind === 'pareto' ? { yAxisID: 'share' } : {}),
      } satisfies Dataset;
    }
    return {
      type: 'bar',
      label: series.label,
      data: series.values,
      backgroundColor: colour,
      borderColor: colour,
      borderWidth: 1,
      maxBarThickness: 48,
    } satisfies Dataset;
  });

  const percentAxis = { min: 0, max: 100, ticks: { color: INK, callback: (v: number | string) => `${v} %` } };
  const valueAxis =
    spec.kind === 'percentLines'
      ? { ...percentAxis, title: axisTitle(spec.valueTitle), grid: { color: GRID } }
      : {
          beginAtZero: true,
          stacked,
          ticks: { color: INK, precision: 0 },
          title: axisTitle(spec.valueTitle),
          grid: { color: GRID },
        };
  // Many weeks in a row: their labels stay level and short, every few weeks when they do not all fit.
  const levelTicks = stacked ? { maxRotation: 0, minRotation: 0, autoSkipPadding: 12 } : {};
  const categoryAxis = { ticks: { color: INK, autoSkip: true, ...levelTicks }, grid: { display: false }, stacked };

  return {
    type: spec.kind === 'percentLines' ? 'line' : 'bar',
    data: { labels: data.labels, datasets },
    options: {
      // Numbers on the axes and in tooltips in the reader's language.
      locale: t.locale,
      responsive: true,
      maintainAspectRatio: false,
      // A resize that lands on an animation's last frame is put off to a draw that never comes
      // (chart.js 4 defers it while the finished items are still listed), leaving the chart at its
      // old width; measuring again once the animation ends catches it, and costs nothing otherwise.
      animation: reducedMotion() ? false : { duration: 250, onComplete: ({ chart }) => chart.resize() },
      indexAxis: horizontal ? 'y' : 'x',
      layout: { padding: { top: 8, right: 8 } },
      plugins: {
        legend: { display: data.series.length > 1, labels: { color: INK, usePointStyle: true } },
        tooltip: { enabled: true },
      },
      scales: horizontal
        ? { x: valueAxis, y: categoryAxis }
        : {
            x: categoryAxis,
            y: valueAxis,
            ...(spec.kind === 'pareto'
              ? { share: { ...percentAxis, position: 'right' as const, grid: { drawOnChartArea: false } } }
              : {}),
          },
    },
  };
}

/** The chart's canvas inside its wrapper (`data-testid="chart-<name>"`), or words when there is nothing to draw. */
export function ChartCanvas(props: { name: string; label: string; spec: ChartSpec }) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: Chart<'bar' | 'line', Array<number | null>, string> | undefined;

  onMount(() => {
    // The canvas draws its words itself: it takes the page's font stack, which for Chinese names
    // fonts with CJK glyphs (styles.css, :lang(zh)).
    Chart.defaults.font.family = getComputedStyle(canvas ?? document.documentElement).fontFamily;
    createEffect(() => {
      const spec = props.spec;
      chart?.destroy();
      chart = undefined;
      if (canvas && hasData(spec.data)) chart = new Chart(canvas, chartConfig(spec));
    });
  });
  onCleanup(() => chart?.destroy());

  return (
    <div class={`chart chart-${props.spec.kind}`} data-testid={`chart-${props.name}`}>
      <Show when={hasData(props.spec.data)} fallback={<p class="empty">{t.dashboard.noData}</p>}>
        <canvas ref={canvas} role="img" aria-label={props.label} />
      </Show>
    </div>
  );
}
