// In-memory data of the sandbox: practices, referrals (prepared forms and drafts), fileuploads,
// documents and browser sessions. Everything is keyed by the owning practice's API key so routes
// can keep each practice's data invisible to the others.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { PracticeSeed } from './types';

export interface UploadedFile {
	filename: string;
	kind: 'radiograph' | 'other';
	/** DD/MM/YYYY, from Upload-Date. */
	date?: string;
	/** From Upload-Content-Type. */
	contentType: string;
	size: number;
	sha256: string;
}

export interface Fileupload {
	id: number;
	apiKey: string;
	files: UploadedFile[];
	/** URN of the submitted referral that expired this fileupload. */
	expiredBy?: string;
}

export interface Submission {
	at: number;
	/** Orders submissions made within the same millisecond. */
	sequence: number;
	status: string;
	referrerName: string;
	referralReason: string;
	formType: string;
	files: string[];
}

export interface Referral {
	urn: string;
	apiKey: string;
	source: 'prepare_form' | 'save_draft';
	/** prepared_form_url token (prepare_form only). */
	token?: string;
	/** First time the prepared_form_url was opened: the token is spent from then on. */
	tokenUsedAt?: number;
	draftId?: number;
	/** The request's parameters as sent (documented ones only). */
	params: Record<string, string>;
	ptguid?: string;
	fileuploadId?: number;
	createdAt: number;
	submission?: Submission;
}

export interface StoredDocument {
	id: number;
	apiKey: string;
	/** URL path on the sandbox origin. */
	path: string;
	filename: string;
	urn?: string;
	size: number;
	/** Small documents are kept as bytes; large synthetic ones are generated on each download. */
	bytes?: Buffer;
	stream?: () => Readable;
}

export interface BrowserSession {
	id: string;
	apiKey: string;
	expiresAt: number;
}

export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export class SandboxStore {
	private readonly practicesByKey = new Map<string, PracticeSeed>();
	private readonly referralsByUrn = new Map<string, Referral>();
	private readonly referralsByToken = new Map<string, Referral>();
	private readonly fileuploads = new Map<number, Fileupload>();
	private readonly documentsByPath = new Map<string, StoredDocument>();
	private readonly sessions = new Map<string, BrowserSession>();
	// Counters start where the seed's examples do, so ids look like the real ones.
	private urnCounter = 0;
	private draftCounter = 11046;
	private fileuploadCounter = 395;
	private attachmentCounter = 0;
	private submissionCounter = 0;

	constructor(readonly practices: PracticeSeed[]) {
		for (const practice of practices) this.practicesByKey.set(practice.apiKey, practice);
	}

	practice(apiKey: string): PracticeSeed | undefined {
		return this.practicesByKey.get(apiKey);
	}

	/**
	 * The practice is issued a new key (as the vendor would on request): the old key stops
	 * working at once; the practice's referrals, uploads, documents and sessions stay its own.
	 */
	rotateKey(oldKey: string): string {
		const practice = this.practicesByKey.get(oldKey);
		if (!practice) throw new Error('not a key of a sandbox practice');
		const newKey = randomBytes(10).toString('hex');
		this.practicesByKey.delete(oldKey);
		practice.apiKey = newKey;
		this.practicesByKey.set(newKey, practice);
		const owned: Array<{ apiKey: string }> = [
			...this.referralsByUrn.values(),
			...this.fileuploads.values(),
			...this.documentsByPath.values(),
			...this.sessions.values(),
		];
		for (const entity of owned) if (entity.apiKey === oldKey) entity.apiKey = newKey;
		return newKey;
	}

	createReferral(
		input: Pick<Referral, 'apiKey' | 'source' | 'params' | 'ptguid' | 'fileuploadId'>,
	): Referral {
		this.urnCounter += 1;
		const referral: Referral = {
			...input,
			urn: `TST${String(this.urnCounter).padStart(7, '0')}`,
			createdAt: Date.now(),
		};
		if (input.source === 'prepare_form') {
			referral.token = randomUUID();
			this.referralsByToken.set(referral.token, referral);
		} else {
			this.draftCounter += 1;
			referral.draftId = this.draftCounter;
		}
		this.referralsByUrn.set(referral.urn, referral);
		return referral;
	}

	referralByUrn(urn: string): Referral | undefined {
		return this.referralsByUrn.get(urn);
	}

	referralByToken(token: string): Referral | undefined {
		return this.referralsByToken.get(token);
	}

	nextSubmissionSequence(): number {
		this.submissionCounter += 1;
		return this.submissionCounter;
	}

	/** A practice's submitted referrals, most recently submitted first. */
	submittedReferrals(apiKey: string): Referral[] {
		return [...this.referralsByUrn.values()]
			.filter((referral) => referral.apiKey === apiKey && referral.submission)
			.sort((a, b) => (b.submission?.sequence ?? 0) - (a.submission?.sequence ?? 0));
	}

	createFileupload(apiKey: string): Fileupload {
		this.fileuploadCounter += 1;
		const fileupload: Fileupload = { id: this.fileuploadCounter, apiKey, files: [] };
		this.fileuploads.set(fileupload.id, fileupload);
		return fileupload;
	}

	fileupload(id: number): Fileupload | undefined {
		return this.fileuploads.get(id);
	}

	addDocument(input: Omit<StoredDocument, 'id' | 'path'>): StoredDocument {
		this.attachmentCounter += 1;
		const id = this.attachmentCounter;
		const document: StoredDocument = {
			...input,
			id,
			path: `/documents/show/attachments/${id}/pdfs/original/${encodeURIComponent(input.filename)}`,
		};
		this.documentsByPath.set(document.path, document);
		return document;
	}

	documentByPath(path: string): StoredDocument | undefined {
		return this.documentsByPath.get(path);
	}

	createSession(apiKey: string): BrowserSession {
		const session = { id: randomBytes(24).toString('hex'), apiKey, expiresAt: Date.now() + SESSION_TTL_MS };
		this.sessions.set(session.id, session);
		return session;
	}

	/** The session with that id if it has not expired. */
	session(id: string | undefined): BrowserSession | undefined {
		if (!id) return undefined;
		const session = this.sessions.get(id);
		if (!session) return undefined;
		if (session.expiresAt <= Date.now()) {
			this.sessions.delete(id);
			return undefined;
		}
		return session;
	}
}
