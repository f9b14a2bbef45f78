export const id = 686;
export const ids = [686];
export const modules = {

/***/ 8686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validatePromptsCommand: () => (/* reexport */ validatePromptsCommand),
  validatePromptsInputs: () => (/* reexport */ validatePromptsInputs)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 46 modules
var src = __webpack_require__(8569);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./packages/evals/src/validate/command.ts


const validatePromptsInputs = schemas/* object */.Ikc({
    paths: src/* input */.hF.list(),
    'models-file': src/* input */.hF.optional(),
    'max-prompt-tokens': src/* input */.hF.number({ min: 0, integer: true }),
    'base-ref': src/* input */.hF.optional(),
    'require-version-bump': src/* input */.hF.bool(),
    'tokenize-url': src/* input */.hF.optional(),
    'fail-on': src/* input */.hF.choice(['error', 'warning']),
    'sarif-path': src/* input */.hF.optional(),
    'check-run': src/* input */.hF.bool(),
    ...src/* reportingInputs */.OS,
});
const validatePromptsCommand = {
    name: 'validate-prompts',
    inputs: validatePromptsInputs,
    secretInputs: ['github-token'],
    sarifTool: { name: 'llmops-validate-prompts', informationUri: 'https://github.com/llmops/llmops' },
    async run(inputs) {
        return {
            action: 'validate-prompts',
            verdict: 'pass',
            headline: `placeholder ${inputs.paths.length}`,
            reasons: [],
            metrics: [],
            tables: [],
            findings: [],
            outputs: {},
        };
    },
};

;// CONCATENATED MODULE: ./packages/evals/src/index.ts



/***/ })

};
