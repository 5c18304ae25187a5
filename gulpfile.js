// The build steps tsc cannot do, one task each (package.json "build" runs: clean, tsc, build:icons).
const { rmSync } = require('node:fs');
const { src, dest } = require('gulp');

// A build starts from an empty dist/, so nothing stale (a renamed file) is ever published.
function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

// The SVG icons and the codex (.node.json) files go into dist/ next to the compiled code,
// where n8n's loader resolves `file:` icons and codex data.
function buildIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.clean = clean;
exports['build:icons'] = buildIcons;
