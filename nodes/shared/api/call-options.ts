/** Where a call is made from: the item it is for, and how long to wait (the action node's Timeout option). */
export interface CallOptions {
	itemIndex?: number;
	timeoutMs?: number;
}
