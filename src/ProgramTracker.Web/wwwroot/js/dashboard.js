// Draws the dashboard's trend charts with Chart.js. Each <canvas data-chart-source="id"> names a
// <script type="application/json" id="id"> block holding its data; no inline script, so a strict
// Content-Security-Policy (script-src 'self') holds. The tables under the charts carry the same figures.
(function () {
    'use strict';

    // Point shapes differ as well as colours, so that series are told apart without colour and overlapping points show.
    var shapes = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'];
    var palette = ['#0b5ed7', '#d63384', '#198754', '#fd7e14', '#6f42c1', '#20c997', '#dc3545', '#0dcaf0', '#6c757d', '#ffc107'];
    // Numbers and the "no data" words follow the page's language (<html lang>, <body data-no-data>).
    var english = document.documentElement.lang === 'en';
    var vn = new Intl.NumberFormat(english ? 'en-US' : 'vi-VN', { maximumFractionDigits: 4 });
    var noData = document.body.getAttribute('data-no-data') || '';

    function colour(i) {
        return i < palette.length ? palette[i] : 'hsl(' + ((i * 47) % 360) + ', 60%, 45%)';
    }

    function format(value, unit) {
        return unit === '%' ? vn.format(value) + ' %' : vn.format(value);
    }

    var charts = [];

    function draw(canvas) {
        var source = document.getElementById(canvas.getAttribute('data-chart-source'));
        if (!source || typeof window.Chart === 'undefined') {
            return;
        }

        var spec = JSON.parse(source.textContent);
        var many = spec.series.length > 12;
        charts.push(new window.Chart(canvas, {
            type: 'line',
            data: {
                labels: spec.labels,
                datasets: spec.series.map(function (s, i) {
                    return {
                        label: s.label,
                        data: s.values,
                        borderColor: colour(i),
                        backgroundColor: colour(i),
                        // Hollow points of growing size: equal values (a group average) stay visible as nested outlines.
                        pointStyle: shapes[i % shapes.length],
                        pointBackgroundColor: '#ffffff',
                        pointBorderWidth: 2,
                        pointRadius: 4 + 2 * (i % 5),
                        pointHoverRadius: 6,
                        spanGaps: false,
                        tension: 0
                    };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                interaction: { mode: 'nearest', intersect: false },
                plugins: {
                    legend: { display: !many, position: 'bottom', labels: { usePointStyle: true, boxWidth: 10 } },
                    tooltip: {
                        callbacks: {
                            label: function (ctx) {
                                return ctx.dataset.label + ': ' + (ctx.parsed.y === null ? noData : format(ctx.parsed.y, spec.unit));
                            }
                        }
                    }
                },
                scales: {
                    y: {
                        beginAtZero: true,
                        suggestedMax: spec.yMax || undefined,
                        title: { display: true, text: spec.yLabel },
                        ticks: { callback: function (v) { return format(v, spec.unit); } }
                    }
                }
            }
        }));
        canvas.setAttribute('data-drawn', 'true');
    }

    document.querySelectorAll('canvas[data-chart-source]').forEach(draw);

    // Chart.js follows its box through a ResizeObserver, a frame or more later; when the window changes width (a desktop
    // window narrowed to a phone's), each chart is also redrawn at its box's new width at once, so none keeps its old width.
    // (The CSS keeps the canvas inside its box meanwhile: .chart-box > canvas { max-width: 100% }.)
    window.addEventListener('resize', function () {
        charts.forEach(function (chart) { chart.resize(); });
    });

    // On a phone the long tables start closed (the full heat map, poverty, capital, district figures: "Bảng đầy đủ"; under
    // each chart: "Bảng số liệu của biểu đồ"); one tap opens each. Wider screens keep them open (their summaries are hidden).
    if (window.matchMedia('(max-width: 767.98px)').matches) {
        document.querySelectorAll('details[data-phone-closed]').forEach(function (d) { d.open = false; });
    }

    // A link of the first screen (#heatmap, #poverty…) opens the table of the part it leads to, so one tap shows it.
    function openPart(hash) {
        var part = hash && hash.length > 1 ? document.getElementById(hash.slice(1)) : null;
        if (part) {
            part.querySelectorAll('details.dash-fold').forEach(function (d) { d.open = true; });
        }
    }
    document.querySelectorAll('#dash-first a[href^="#"]').forEach(function (a) {
        a.addEventListener('click', function () { openPart(a.getAttribute('href')); });
    });
    window.addEventListener('hashchange', function () { openPart(window.location.hash); });
    openPart(window.location.hash);
}());
