"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.check = check;
exports.runCase = runCase;
exports.skipped = skipped;
exports.round = round;
function check(label, value, op, target) {
    return { label, value, op, target, met: op === '>=' ? value >= target : value <= target };
}
async function runCase(id, title, body) {
    const result = { id, title, status: 'ok', notes: [], figures: {}, checks: [], durationMs: 0 };
    const started = Date.now();
    console.log(`\n[bench] ${id}: ${title}`);
    try {
        await body(result);
    }
    catch (error) {
        result.status = 'failed';
        result.error = error.stack ?? String(error);
        console.error(`[bench] ${id} failed: ${error.message}`);
    }
    result.durationMs = Date.now() - started;
    for (const [name, value] of Object.entries(result.figures)) {
        if (!Number.isFinite(value) && result.status === 'ok') {
            result.status = 'failed';
            result.error = `figure ${name} is not a finite number (${value})`;
        }
    }
    if (result.status === 'ok' && Object.keys(result.figures).length === 0 && result.notes.length === 0) {
        result.status = 'failed';
        result.error = 'the case produced no figures';
    }
    console.log(`[bench] ${id}: ${result.status} in ${(result.durationMs / 1000).toFixed(1)} s`);
    for (const item of result.checks) {
        console.log(`[bench]   ${item.met ? 'met ' : 'MISS'} ${item.label}: ${round(item.value)} ${item.op} ${item.target}`);
    }
    return result;
}
function skipped(id, title, reason) {
    console.log(`\n[bench] ${id}: skipped (${reason})`);
    return { id, title, status: 'skipped', notes: [reason], figures: {}, checks: [], durationMs: 0 };
}
function round(value, digits = 3) {
    return Number(value.toPrecision(digits));
}
//# sourceMappingURL=results.js.map