// Copies what tsc does not: the SVG icons and the codex (.node.json) files, into dist/
// next to the compiled code, where n8n's loader resolves `file:` icons and codex data.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;

// A build starts from an empty dist/, so nothing stale (a renamed file) is ever published.
function clean(done) {
	require('node:fs').rmSync('dist', { recursive: true, force: true });
	done();
}

exports.clean = clean;
