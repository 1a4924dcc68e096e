// html-validate settings for every built page (npm run check and the tests).
export default {
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    // Headlines may be 140 characters (DESIGN.md §2) and the title adds " · Dateline".
    "long-title": ["error", { maxlength: 160 }],
  },
};
