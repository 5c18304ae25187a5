// n8n-core reads its user folder (binary store, instance settings) from N8N_USER_FOLDER.
// Each jest run gets its own temporary folder so tests never touch ~/.n8n.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
	if (!process.env.N8N_USER_FOLDER) {
		process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-n8n-'));
	}
	// n8n-core logs every node error to the console; the tests assert on them instead.
	process.env.N8N_LOG_LEVEL ??= 'silent';
};
