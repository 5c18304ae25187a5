/** What the memory parent asks one child process to do, and what the child answers. */
export type MemoryKind = 'node-upload' | 'raw-upload' | 'node-download' | 'raw-download';

export interface MemoryJob {
	kind: MemoryKind;
	baseUrl: string;
	apiKey: string;
	/** Upload: the file to send, and a small one for the warm-up. */
	file?: string;
	warmFile?: string;
	mimeType?: string;
	/** Download: the document, and a small one for the warm-up. */
	url?: string;
	warmUrl?: string;
	/** Where raw downloads are written. */
	outDir: string;
	repeats: number;
}

export interface MemoryAnswer {
	bytes: number;
	/** Per repeat: RSS before the operation, peak RSS during it (bytes), duration (ms). */
	preRss: number[];
	peakRss: number[];
	ms: number[];
}
