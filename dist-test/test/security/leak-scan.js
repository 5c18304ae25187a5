"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.captureOutput = captureOutput;
exports.safeStringify = safeStringify;
exports.withoutPreparedFormUrlField = withoutPreparedFormUrlField;
exports.preparedFormSecrets = preparedFormSecrets;
exports.scan = scan;
exports.runHaystacks = runHaystacks;
exports.foreignHaystack = foreignHaystack;
const key_forms_1 = require("../harness/key-forms");
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
/**
 * Captures process.stdout/stderr writes and console methods (jest's console does not go
 * through process.stdout, so both are wrapped). The originals still run: nothing is hidden.
 */
function captureOutput() {
    const chunks = [];
    const record = (value) => {
        chunks.push(typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : String(value));
    };
    const stdoutWrite = process.stdout.write;
    const stderrWrite = process.stderr.write;
    const wrap = (original, stream) => function (chunk, ...rest) {
        record(chunk);
        return original.call(stream, chunk, ...rest);
    };
    process.stdout.write = wrap(stdoutWrite, process.stdout);
    process.stderr.write = wrap(stderrWrite, process.stderr);
    const originals = CONSOLE_METHODS.map((method) => [method, console[method]]);
    for (const [method, original] of originals) {
        console[method] = (...args) => {
            record(args.map((arg) => (typeof arg === 'string' ? arg : safeStringify(arg))).join(' '));
            original.apply(console, args);
        };
    }
    return {
        text: () => chunks.join('\n'),
        restore() {
            process.stdout.write = stdoutWrite;
            process.stderr.write = stderrWrite;
            for (const [method, original] of originals)
                console[method] = original;
        },
    };
}
/** JSON.stringify that survives cycles and keeps Error fields (message, stack, own properties). */
function safeStringify(value) {
    const seen = new WeakSet();
    return (JSON.stringify(value, (_key, current) => {
        if (typeof current === 'bigint')
            return current.toString();
        if (typeof current !== 'object' || current === null)
            return current;
        if (seen.has(current))
            return '[cycle]';
        seen.add(current);
        if (current instanceof Error) {
            const own = {};
            for (const key of Object.getOwnPropertyNames(current))
                own[key] = current[key];
            return { name: current.name, message: current.message, stack: current.stack, ...own };
        }
        return current;
    }) ?? String(value));
}
/**
 * The execution without the one place a prepared form URL must appear: Prepare Form's output
 * field `prepared_form_url`. The user has to open (or send) that URL, so it is the product,
 * not a leak; the same URL anywhere else (another field, an error, a log line, a later node,
 * another host) is one.
 */
function withoutPreparedFormUrlField(run) {
    const copy = JSON.parse(safeStringify(run));
    for (const tasks of Object.values(copy.data?.resultData?.runData ?? {}))
        for (const task of tasks)
            for (const output of task.data?.main ?? [])
                for (const item of output ?? []) {
                    const json = item.json;
                    if (typeof json.prepared_form_url === 'string' && typeof json.urn === 'string')
                        delete json.prepared_form_url;
                }
    return copy;
}
/** The prepared form URL and the token in it (the path segment after /prepared_forms/show/). */
function preparedFormSecrets(url, label) {
    const token = /\/prepared_forms\/show\/([^/?#]+)/.exec(url)?.[1];
    const secrets = [{ label: `${label} prepared_form_url`, value: url }];
    if (token)
        secrets.push({ label: `${label} prepared form token`, value: token });
    return secrets;
}
/**
 * Where each secret appears among named texts, as written or encoded (Base64 standard or
 * URL-safe, URL-encoded: see findKey). A hit in an encoded form only is labelled with the form.
 */
function scan(haystacks, secrets) {
    const findings = [];
    for (const [where, text] of Object.entries(haystacks))
        for (const secret of secrets) {
            const forms = (0, key_forms_1.findKey)(text, secret.value);
            if (!forms.length)
                continue;
            findings.push({
                where,
                secret: forms.includes('plain') ? secret.label : `${secret.label} (${forms.join(', ')})`,
            });
        }
    return findings;
}
/** The texts of one run worth scanning: its execution data and its error (message, description, stack). */
function runHaystacks(label, result) {
    const error = result.error;
    return {
        [`${label}: execution data`]: safeStringify(withoutPreparedFormUrlField(result.run)),
        [`${label}: error`]: error
            ? [error.message, error.description ?? '', error.stack ?? '', safeStringify(error)].join('\n')
            : '',
    };
}
/** What a foreign origin received: method, URL, headers and body of every request. */
function foreignHaystack(hits) {
    return safeStringify(hits);
}
//# sourceMappingURL=leak-scan.js.map