import { PollContext } from 'n8n-core';
import {
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
	type WorkflowActivateMode,
} from 'n8n-workflow';

import { binaryStore, buildWorkflow, type LinearWorkflow, type WorkflowNode } from './run-workflow';

/**
 * Runs a polling trigger the way n8n 2.41 does (see /work/shared/notes/n8n-wait-queue-poll.md,
 * "Polling triggers"), with n8n-core's real PollContext:
 * - activation: one poll at once (mode 'trigger', activation 'activate', or 'init' after a
 *   restart); an error fails the activation; afterwards the static data is saved;
 * - cron ticks reuse the activation's context (as ActiveWorkflowTriggers does); only a tick that
 *   emits (returns non-null) makes n8n save the workflow's static data, a null tick's changes
 *   stay in memory;
 * - saving writes only if the static data was changed (ObservableObject's __dataChanged), like
 *   WorkflowStaticDataService.saveStaticData;
 * - a restart loses memory: a new Workflow is built from the saved copy and activated ('init');
 * - a manual run ('manual'/'manual') reads the saved copy and never saves.
 */
export interface PollerSpec {
	trigger: WorkflowNode;
	credentials: LinearWorkflow['credentials'];
	/** The saved static data to start from (the workflow row's staticData column). */
	saved?: IDataObject;
}

/** The items of the trigger's first output, or null when the poll returned null. */
export type PollOutput = INodeExecutionData[] | null;

export interface Poller {
	/** What n8n saved in the workflow row: what a restart or a manual run reads. */
	readonly saved: IDataObject;
	/** The running workflow's static data (in memory), undefined before activation. */
	readonly memory: IDataObject | undefined;
	/** How many times n8n wrote the static data. */
	readonly saves: number;
	activate(): Promise<PollOutput>;
	tick(): Promise<PollOutput>;
	/** n8n stops (in-memory static data is lost) and starts again: activation 'init'. */
	restart(): Promise<PollOutput>;
	/** "Test step" in the editor: a separate manual run of the trigger. */
	manual(): Promise<PollOutput>;
}

interface Running {
	workflow: Workflow;
	context: PollContext;
	node: INode;
}

const clone = (data: IDataObject): IDataObject => JSON.parse(JSON.stringify(data)) as IDataObject;

export function createPoller(spec: PollerSpec): Poller {
	let saved: IDataObject = clone(spec.saved ?? {});
	let saves = 0;
	let running: Running | undefined;

	function load(mode: 'trigger' | 'manual', activation: WorkflowActivateMode | 'manual'): Running {
		const { workflow, additionalData } = buildWorkflow({
			nodes: [],
			trigger: spec.trigger,
			credentials: spec.credentials,
			staticData: clone(saved),
		});
		const node = workflow.getNode(spec.trigger.name) as INode;
		const context = new PollContext(
			workflow,
			node,
			additionalData as IWorkflowExecuteAdditionalData,
			mode,
			activation as WorkflowActivateMode,
		);
		return { workflow, context, node };
	}

	async function poll({ workflow, context, node }: Running): Promise<PollOutput> {
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		if (!nodeType.poll) throw new Error(`${node.type} has no poll()`);
		const result = await nodeType.poll.call(context);
		return result === null ? null : (result[0] ?? []);
	}

	function save(workflow: Workflow): void {
		const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (data.__dataChanged !== true) return;
		saved = clone(data);
		saves += 1;
		data.__dataChanged = false;
	}

	async function activate(activation: WorkflowActivateMode): Promise<PollOutput> {
		await binaryStore();
		const candidate = load('trigger', activation);
		const outcome = await poll(candidate).then(
			(output) => ({ output }),
			(error: Error) => ({ error }),
		);
		if ('error' in outcome) {
			// n8n wraps it in a WorkflowActivationError with this message (active-workflow-triggers.ts).
			const message = `There was a problem activating the workflow: "${outcome.error.message}"`;
			return await Promise.reject(new Error(message, { cause: outcome.error }));
		}
		running = candidate;
		save(candidate.workflow);
		return outcome.output;
	}

	return {
		get saved() {
			return saved;
		},
		get memory() {
			return running?.workflow.staticData;
		},
		get saves() {
			return saves;
		},
		activate: async () => await activate('activate'),
		async tick() {
			if (!running) throw new Error('activate() first');
			const output = await poll(running);
			if (output !== null) save(running.workflow);
			return output;
		},
		async restart() {
			running = undefined;
			return await activate('init');
		},
		async manual() {
			await binaryStore();
			return await poll(load('manual', 'manual'));
		},
	};
}
