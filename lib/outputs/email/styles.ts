/**
 * The email's stylesheet, inlined into every element by juice (no `<style>` is left).
 * Every rule that sets a text colour sets its background too, so a client that inverts
 * colours in dark mode inverts both and the text stays readable. System fonts only.
 */
const paper = "#f4f1ea";
const white = "#ffffff";
const ink = "#1a1a1a";
const muted = "#4d4d4d";
const red = "#8a1c1c";
/** Opinion pieces: a blue rule and kicker, so they never pass for the reporting. */
const blue = "#1f4e7a";

const serif = "Georgia, 'Times New Roman', Times, serif";
const sans = "Arial, Helvetica, sans-serif";

export const EMAIL_CSS = `
body { margin: 0; padding: 0; color: ${ink}; background-color: ${paper}; }
.outer { width: 100%; color: ${ink}; background-color: ${paper}; }
.outer-cell { padding: 16px 0 16px 0; color: ${ink}; background-color: ${paper}; }
.container { width: 100%; max-width: 600px; color: ${ink}; background-color: ${white}; border-collapse: collapse; }
td { font-family: ${serif}; font-size: 18px; line-height: 28px; color: ${ink}; background-color: ${white}; }
.masthead { padding: 20px 24px 12px 24px; border-bottom: 3px solid ${red}; font-family: ${sans}; font-size: 22px; line-height: 28px; font-weight: bold; letter-spacing: 1px; }
.masthead a { color: ${red}; background-color: ${white}; text-decoration: none; }
.header { padding: 20px 24px 8px 24px; }
.kicker { margin: 0 0 8px 0; font-family: ${sans}; font-size: 13px; line-height: 18px; font-weight: bold; text-transform: uppercase; letter-spacing: 1px; color: ${red}; background-color: ${white}; }
.opinion { border-left: 6px solid ${blue}; }
.opinion .kicker { color: ${blue}; background-color: ${white}; }
.opinion-note { margin: 0 0 12px 0; font-family: ${sans}; font-size: 14px; line-height: 20px; font-style: italic; color: ${blue}; background-color: ${white}; }
h1 { margin: 0 0 12px 0; font-family: ${serif}; font-size: 30px; line-height: 36px; font-weight: bold; color: ${ink}; background-color: ${white}; }
.dek { margin: 0 0 16px 0; font-size: 20px; line-height: 28px; color: ${muted}; background-color: ${white}; }
.meta { margin: 0 0 4px 0; font-family: ${sans}; font-size: 14px; line-height: 20px; color: ${muted}; background-color: ${white}; }
.web { margin: 12px 0 0 0; font-family: ${sans}; font-size: 14px; line-height: 20px; color: ${ink}; background-color: ${white}; }
.lead { padding: 12px 0 0 0; }
.lead .caption { padding: 0 24px; }
.content { padding: 8px 24px 8px 24px; }
p { margin: 0 0 18px 0; color: ${ink}; background-color: ${white}; }
a { color: ${red}; background-color: ${white}; text-decoration: underline; }
h2 { margin: 28px 0 12px 0; font-family: ${serif}; font-size: 23px; line-height: 30px; font-weight: bold; color: ${ink}; background-color: ${white}; }
h3, h4, h5, h6 { margin: 24px 0 8px 0; font-family: ${serif}; font-size: 19px; line-height: 26px; font-weight: bold; color: ${ink}; background-color: ${white}; }
ul, ol { margin: 0 0 18px 0; padding: 0 0 0 28px; color: ${ink}; background-color: ${white}; }
li { margin: 0 0 8px 0; color: ${ink}; background-color: ${white}; }
blockquote { margin: 0 0 18px 0; padding: 0 0 0 16px; border-left: 3px solid ${red}; color: ${muted}; background-color: ${white}; }
table.data { border-collapse: collapse; margin: 0 0 18px 0; }
.figure { margin: 8px 0 20px 0; }
img { border: 0; text-decoration: none; }
img.photo { display: block; width: 100%; height: auto; font-family: ${sans}; font-size: 14px; line-height: 20px; color: ${ink}; background-color: ${paper}; }
.caption { margin: 8px 0 0 0; font-family: ${sans}; font-size: 14px; line-height: 20px; color: ${muted}; background-color: ${white}; }
.credit { font-size: 12px; color: ${muted}; background-color: ${white}; }
.photo-source { font-weight: bold; color: ${ink}; background-color: ${white}; }
.dateline { font-family: ${sans}; font-weight: bold; font-size: 15px; letter-spacing: 1px; color: ${ink}; background-color: ${white}; }
sup { font-size: 13px; line-height: 0; }
.section { padding: 8px 24px 8px 24px; border-top: 1px solid #d9d4c7; }
.section h2 { margin: 16px 0 8px 0; font-family: ${sans}; font-size: 15px; line-height: 20px; text-transform: uppercase; letter-spacing: 1px; }
.section li, .section p { font-size: 16px; line-height: 24px; }
.footer { padding: 20px 24px 28px 24px; font-family: ${sans}; font-size: 13px; line-height: 20px; color: ${muted}; background-color: ${paper}; }
.footer p { margin: 0 0 10px 0; color: ${muted}; background-color: ${paper}; }
.footer a { color: ${red}; background-color: ${paper}; }
`;
