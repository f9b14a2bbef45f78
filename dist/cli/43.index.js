export const id = 43;
export const ids = [43];
export const modules = {

/***/ 5043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadPromptFile: () => (/* reexport safe */ _prompt_file_load__WEBPACK_IMPORTED_MODULE_3__.l)
/* harmony export */ });
/* harmony import */ var _assert_check__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4946);
/* harmony import */ var _assert_detectors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2921);
/* harmony import */ var _assert_judge__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9873);
/* harmony import */ var _prompt_file_load__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7237);
/* harmony import */ var _shard_shard__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5248);
/* harmony import */ var _suite_assertions__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4033);








/***/ })

};
