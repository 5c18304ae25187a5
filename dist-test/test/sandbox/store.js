"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SandboxStore = exports.SESSION_TTL_MS = void 0;
// In-memory data of the sandbox: practices, referrals (prepared forms and drafts), fileuploads,
// documents and browser sessions. Everything is keyed by the owning practice's API key so routes
// can keep each practice's data invisible to the others.
const node_crypto_1 = require("node:crypto");
exports.SESSION_TTL_MS = 24 * 60 * 60 * 1000;
class SandboxStore {
    practices;
    practicesByKey = new Map();
    referralsByUrn = new Map();
    referralsByToken = new Map();
    fileuploads = new Map();
    documentsByPath = new Map();
    sessions = new Map();
    // Counters start where the seed's examples do, so ids look like the real ones.
    urnCounter = 0;
    draftCounter = 11046;
    fileuploadCounter = 395;
    attachmentCounter = 0;
    submissionCounter = 0;
    constructor(practices) {
        this.practices = practices;
        for (const practice of practices)
            this.practicesByKey.set(practice.apiKey, practice);
    }
    practice(apiKey) {
        return this.practicesByKey.get(apiKey);
    }
    /**
     * The practice is issued a new key (as the vendor would on request): the old key stops
     * working at once; the practice's referrals, uploads, documents and sessions stay its own.
     */
    rotateKey(oldKey) {
        const practice = this.practicesByKey.get(oldKey);
        if (!practice)
            throw new Error('not a key of a sandbox practice');
        const newKey = (0, node_crypto_1.randomBytes)(10).toString('hex');
        this.practicesByKey.delete(oldKey);
        practice.apiKey = newKey;
        this.practicesByKey.set(newKey, practice);
        const owned = [
            ...this.referralsByUrn.values(),
            ...this.fileuploads.values(),
            ...this.documentsByPath.values(),
            ...this.sessions.values(),
        ];
        for (const entity of owned)
            if (entity.apiKey === oldKey)
                entity.apiKey = newKey;
        return newKey;
    }
    createReferral(input) {
        this.urnCounter += 1;
        const referral = {
            ...input,
            urn: `TST${String(this.urnCounter).padStart(7, '0')}`,
            createdAt: Date.now(),
        };
        if (input.source === 'prepare_form') {
            referral.token = (0, node_crypto_1.randomUUID)();
            this.referralsByToken.set(referral.token, referral);
        }
        else {
            this.draftCounter += 1;
            referral.draftId = this.draftCounter;
        }
        this.referralsByUrn.set(referral.urn, referral);
        return referral;
    }
    referralByUrn(urn) {
        return this.referralsByUrn.get(urn);
    }
    referralByToken(token) {
        return this.referralsByToken.get(token);
    }
    nextSubmissionSequence() {
        this.submissionCounter += 1;
        return this.submissionCounter;
    }
    /** A practice's submitted referrals, most recently submitted first. */
    submittedReferrals(apiKey) {
        return [...this.referralsByUrn.values()]
            .filter((referral) => referral.apiKey === apiKey && referral.submission)
            .sort((a, b) => (b.submission?.sequence ?? 0) - (a.submission?.sequence ?? 0));
    }
    createFileupload(apiKey) {
        this.fileuploadCounter += 1;
        const fileupload = { id: this.fileuploadCounter, apiKey, files: [] };
        this.fileuploads.set(fileupload.id, fileupload);
        return fileupload;
    }
    fileupload(id) {
        return this.fileuploads.get(id);
    }
    addDocument(input) {
        this.attachmentCounter += 1;
        const id = this.attachmentCounter;
        const document = {
            ...input,
            id,
            path: `/documents/show/attachments/${id}/pdfs/original/${encodeURIComponent(input.filename)}`,
        };
        this.documentsByPath.set(document.path, document);
        return document;
    }
    documentByPath(path) {
        return this.documentsByPath.get(path);
    }
    createSession(apiKey) {
        const session = { id: (0, node_crypto_1.randomBytes)(24).toString('hex'), apiKey, expiresAt: Date.now() + exports.SESSION_TTL_MS };
        this.sessions.set(session.id, session);
        return session;
    }
    /** The session with that id if it has not expired. */
    session(id) {
        if (!id)
            return undefined;
        const session = this.sessions.get(id);
        if (!session)
            return undefined;
        if (session.expiresAt <= Date.now()) {
            this.sessions.delete(id);
            return undefined;
        }
        return session;
    }
}
exports.SandboxStore = SandboxStore;
//# sourceMappingURL=store.js.map