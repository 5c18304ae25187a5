// The package's main entry, for `require('n8n-nodes-dental-referrals')`. n8n itself loads the
// files listed under the "n8n" key of package.json; this module exports the same list, derived
// from that key so the two never disagree (no require of Node modules: n8n Cloud's rules forbid it).
const { n8n } = require('./package.json');

/** { <class name>: <class> } for each compiled file; each file exports one class, named as its file. */
function classesOf(files) {
	return Object.fromEntries(
		files.map((file) => {
			const name = file.split('/').pop().split('.')[0];
			return [name, require(`./${file}`)[name]];
		}),
	);
}

module.exports = {
	credentials: classesOf(n8n.credentials),
	nodes: classesOf(n8n.nodes),
};
