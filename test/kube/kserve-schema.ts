/**
 * The part of KServe's InferenceService CRD schema that canary-step writes: spec.predictor with
 * canaryTrafficPercent, model (modelFormat, storageUri, image, runtime) and containers.
 * Source: kserve/kserve config/crd/full/serving.kserve.io_inferenceservices.yaml (v1beta1
 * openAPIV3Schema, controller-gen v0.16.2), trimmed to these fields; the documentation of the field
 * is kserve.github.io "Canary Rollout Strategy" (serverless mode). The CRD is not on npm.
 * Unlike the full CRD, unknown fields are rejected here (the API server would prune them
 * silently), so a misspelt field fails the test instead of vanishing.
 */
const container = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string' },
    image: { type: 'string' },
    args: { type: 'array', items: { type: 'string' } },
    command: { type: 'array', items: { type: 'string' } },
    env: { type: 'array', items: { type: 'object' } },
    ports: { type: 'array', items: { type: 'object' } },
    resources: { type: 'object' },
  },
  additionalProperties: false,
};

export const inferenceServiceSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { type: 'string', enum: ['serving.kserve.io/v1beta1'] },
    kind: { type: 'string', enum: ['InferenceService'] },
    metadata: { type: 'object' },
    status: { type: 'object' },
    spec: {
      type: 'object',
      required: ['predictor'],
      properties: {
        predictor: {
          type: 'object',
          properties: {
            canaryTrafficPercent: { type: 'integer', format: 'int64' },
            minReplicas: { type: 'integer' },
            maxReplicas: { type: 'integer' },
            serviceAccountName: { type: 'string' },
            containers: { type: 'array', items: container },
            model: {
              type: 'object',
              required: ['modelFormat'],
              properties: {
                modelFormat: {
                  type: 'object',
                  required: ['name'],
                  properties: { name: { type: 'string' }, version: { type: 'string' } },
                  additionalProperties: false,
                },
                runtime: { type: 'string' },
                runtimeVersion: { type: 'string' },
                protocolVersion: { type: 'string' },
                storageUri: { type: 'string' },
                image: { type: 'string' },
                args: { type: 'array', items: { type: 'string' } },
                resources: { type: 'object' },
              },
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
        transformer: { type: 'object' },
        explainer: { type: 'object' },
      },
      additionalProperties: false,
    },
  },
} as const;
