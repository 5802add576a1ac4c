package io.muxbench.report;

import io.muxbench.report.chart.WaterfallChart;

/** The report's inline style sheet: system fonts only, wide enough for a laptop, clean on paper. */
final class ReportStyle {

    static final String CSS = """
            :root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --better: #1a7f37; --worse: #cf222e; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 1240px; padding: 0 20px 40px; color: var(--fg); background: #fff;
                   font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            header { border-bottom: 1px solid var(--line); margin-bottom: 8px; }
            h1 { font-size: 22px; margin: 18px 0 2px; overflow-wrap: anywhere; }
            h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 15px; margin: 18px 0 6px; overflow-wrap: anywhere; }
            nav { margin: 8px 0 12px; display: flex; flex-wrap: wrap; gap: 6px 14px; }
            nav a { color: #0969da; text-decoration: none; }
            .subtitle, .lead, .footnote, footer { color: var(--muted); }
            .footnote { font-size: 12px; max-width: 900px; }
            .banner { padding: 10px 14px; border-radius: 6px; margin: 10px 0; }
            .warn { color: #7d4e00; }
            .banner.warn { background: #fff8c5; border: 1px solid #d4a72c; }
            .ok { color: var(--better); }
            .empty { color: var(--muted); font-style: italic; }
            table { border-collapse: collapse; margin: 8px 0 14px; font-size: 13px; }
            th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top;
                     overflow-wrap: break-word; }
            thead th { background: #f6f8fa; }
            table.numbers td, table.headline td { font-variant-numeric: tabular-nums; }
            table.facts th { background: #f6f8fa; width: 140px; }
            tr.better td { background: #dafbe1; } tr.better td:last-child { color: var(--better); font-weight: 600; }
            tr.worse td { background: #ffebe9; } tr.worse td:last-child { color: var(--worse); font-weight: 600; }
            span.better { color: var(--better); font-weight: 600; } span.worse { color: var(--worse); font-weight: 600; }
            .charts { display: flex; flex-wrap: wrap; gap: 12px; }
            .charts > svg { flex: 1 1 520px; max-width: 600px; }
            svg.chart { height: auto; max-width: 100%; display: block; }
            svg.waterfall { width: 100%; }
            svg.jmh { width: 100%; max-width: 820px; }
            svg .title { font-weight: 600; font-size: 13px; }
            svg .tick, svg .legend, svg .axis, svg .path, svg .lane-label { fill: #333; font-size: 11px; }
            svg .lane-label { font-weight: 600; }
            svg .path { text-anchor: end; }
            svg .more { fill: var(--muted); font-size: 12px; font-style: italic; }
            svg .error { fill: var(--worse); font-size: 11px; }
            .wide { margin: 8px 0 16px; }
            details pre { background: #f6f8fa; padding: 10px; overflow: auto; max-height: 400px; font-size: 12px; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11px; }
              nav, details { display: none; }
              section { break-before: page; }
              section#run { break-before: auto; }
              svg, table, .group h3 { break-inside: avoid; }
              h2, h3 { break-after: avoid; }
              .charts > svg { max-width: 48%; }
              tr.better td, tr.worse td, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """ + WaterfallChart.css();

    private ReportStyle() {
    }
}
