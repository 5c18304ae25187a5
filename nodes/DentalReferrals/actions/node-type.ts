import type { Operation } from './operation';

/** Every resource of the node and its operations: the values users' saved workflows hold. */
export interface DentalReferralsMap {
	document: 'download';
	draft: 'save';
	fileUpload: 'addFile' | 'create' | 'upload';
	form: 'getTypes' | 'prepare';
	referral: 'get' | 'getByPatient' | 'getMany' | 'waitForFiles';
}

export type Resource = keyof DentalReferralsMap;

/** A resource's operations, each one present (checked at compile time). */
export type Operations<R extends Resource> = Record<DentalReferralsMap[R], Operation>;

/** The whole node: resources[resource][operation]. */
export type NodeOperations = { [R in Resource]: Operations<R> };
