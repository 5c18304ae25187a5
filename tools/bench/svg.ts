/** A hand-written SVG line chart: peak RSS growth (MB) against file size (MB), no dependencies. */
export interface Series {
	name: string;
	points: Array<{ x: number; y: number }>;
}

const COLORS: Record<string, string> = {
	'node-upload': '#d9480f',
	'raw-upload': '#868e96',
	'node-download': '#1971c2',
	'raw-download': '#74c0fc',
};
const LABELS: Record<string, string> = {
	'node-upload': 'Add File (node, via n8n)',
	'raw-upload': 'raw streaming upload',
	'node-download': 'Download PDF (node, via n8n)',
	'raw-download': 'raw streaming download',
};

function niceMax(value: number): number {
	const step = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
	return Math.ceil(value / step) * step;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function memoryChart(series: Series[], limitMb: number): string {
	const width = 640;
	const height = 360;
	const left = 56;
	const right = 200;
	const top = 24;
	const bottom = 48;
	const plotW = width - left - right;
	const plotH = height - top - bottom;
	const all = series.flatMap((s) => s.points);
	const xMax = niceMax(Math.max(...all.map((p) => p.x), 1));
	const yMax = niceMax(Math.max(...all.map((p) => p.y), limitMb) * 1.1);
	const sx = (x: number) => left + (x / xMax) * plotW;
	const sy = (y: number) => top + plotH - (Math.max(y, 0) / yMax) * plotH;
	const parts: string[] = [];
	parts.push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
		`<rect width="${width}" height="${height}" fill="#fff"/>`,
	);
	for (let i = 0; i <= 5; i++) {
		const y = (yMax / 5) * i;
		const x = (xMax / 5) * i;
		parts.push(
			`<line x1="${left}" x2="${left + plotW}" y1="${sy(y)}" y2="${sy(y)}" stroke="#eee"/>`,
			`<text x="${left - 6}" y="${sy(y) + 4}" text-anchor="end">${Math.round(y)}</text>`,
			`<text x="${sx(x)}" y="${top + plotH + 16}" text-anchor="middle">${Math.round(x)}</text>`,
		);
	}
	parts.push(
		`<line x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}" stroke="#333"/>`,
		`<line x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333"/>`,
		`<text x="${left + plotW / 2}" y="${height - 12}" text-anchor="middle">file size (MB)</text>`,
		`<text transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">peak RSS growth (MB)</text>`,
		`<line x1="${left}" x2="${left + plotW}" y1="${sy(limitMb)}" y2="${sy(limitMb)}" stroke="#c92a2a" stroke-dasharray="6 4"/>`,
		`<text x="${left + plotW - 4}" y="${sy(limitMb) - 6}" text-anchor="end" fill="#c92a2a">target ≤ ${limitMb} MB</text>`,
	);
	series.forEach((s, index) => {
		const color = COLORS[s.name] ?? '#000';
		const points = [...s.points].sort((a, b) => a.x - b.x);
		if (points.length > 1) {
			const path = points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
			parts.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
		}
		for (const p of points) {
			parts.push(
				`<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="4" fill="${color}"><title>${escape(s.name)}: ${p.x} MB → +${p.y} MB</title></circle>`,
			);
		}
		const ly = top + 10 + index * 20;
		parts.push(
			`<rect x="${left + plotW + 16}" y="${ly - 9}" width="12" height="12" fill="${color}"/>`,
			`<text x="${left + plotW + 34}" y="${ly + 1}">${escape(LABELS[s.name] ?? s.name)}</text>`,
		);
	});
	parts.push('</svg>');
	return `${parts.join('\n')}\n`;
}
