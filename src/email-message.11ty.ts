/** Each issue's `email.eml` (the edition as one message), beside the page. */
import { emailFileTemplate } from "../lib/eleventy/email.ts";

const template = emailFileTemplate("email.eml");

export const data = template.data;
export const render = template.render;
