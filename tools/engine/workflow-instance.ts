import {
	NodeHelpers,
	type IDataObject,
	type INode,
	type IRun,
	type IWebhookData,
	type IWebhookDescription,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { buildWorkflow, runResult, type LinearWorkflow, type RunResult } from './run-workflow';

/** An execution that waits (putExecutionToWait), kept the way n8n's database keeps it: as JSON. */
export interface StoredExecution {
	mode: WorkflowExecuteMode;
	data: string;
	finished: boolean;
}

/**
 * What n8n keeps of one active workflow between calls, as its database does: the workflow's
 * static data (as JSON: every call loads its own copy, only a save reaches the next call) and the
 * executions that wait. Each call builds the workflow afresh from it, as n8n does.
 */
export class WorkflowInstance {
	readonly spec: LinearWorkflow & { workflowId: string };
	readonly trigger: LinearWorkflow['trigger'];
	baseUrl = '';
	/** Every execution a webhook call started, in order. */
	readonly executions: RunResult[] = [];
	/** The latest result of each execution that waited, by execution id. */
	readonly waiting = new Map<string, RunResult>();
	readonly stored = new Map<string, StoredExecution>();
	private storedStaticData: string;

	constructor(workflowSpec: LinearWorkflow) {
		this.spec = {
			...workflowSpec,
			workflowId: workflowSpec.workflowId ?? `wf-${Math.random().toString(36).slice(2)}`,
		};
		this.trigger = this.spec.trigger
			? { webhookId: `wh-${Math.random().toString(36).slice(2)}`, ...this.spec.trigger }
			: undefined;
		this.storedStaticData = JSON.stringify(this.spec.staticData ?? {});
	}

	/** A copy of the static data as stored. */
	staticData(): IDataObject {
		return JSON.parse(this.storedStaticData) as IDataObject;
	}

	/** n8n's saveStaticData: writes the workflow's static data only if a node changed it. */
	saveStaticData(workflow: Workflow): void {
		if ((workflow.staticData as IDataObject).__dataChanged === true) {
			this.storedStaticData = JSON.stringify(workflow.staticData);
		}
	}

	build(executionId?: string, overrides: Partial<LinearWorkflow> = {}) {
		return buildWorkflow({
			...this.spec,
			...overrides,
			trigger: this.trigger,
			staticData: this.staticData(),
			webhookBaseUrl: this.baseUrl,
			executionId,
		});
	}

	/** The node's type and its first webhook, with the path n8n registers for it. */
	describe(workflow: Workflow, nodeName = this.trigger?.name ?? '') {
		const node = workflow.getNode(nodeName) as INode;
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const description = nodeType.description.webhooks?.[0] as IWebhookDescription;
		// As n8n's webhook helper does: path and isFullPath may be expressions on the node.
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', {})
				: value;
		const path = NodeHelpers.getNodeWebhookPath(
			workflow.id,
			node,
			String(resolve(description.path)),
			resolve(description.isFullPath) === true,
		);
		return { node, nodeType, description, path };
	}

	webhookData(
		workflow: Workflow,
		additionalData: IWorkflowExecuteAdditionalData,
		nodeName?: string,
	): IWebhookData {
		const { node, description, path } = this.describe(workflow, nodeName);
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
	}

	/** Keeps what n8n would save of an execution that waits; resumes read it back. */
	store(executionId: string, mode: WorkflowExecuteMode, run: IRun): RunResult {
		const result = runResult(run);
		if (run.waitTill || this.stored.has(executionId)) {
			this.stored.set(executionId, { mode, data: JSON.stringify(run.data), finished: !run.waitTill });
			this.waiting.set(executionId, result);
		}
		return result;
	}
}
