/** Each issue's `email.html` (its email edition, lib/email/), beside the page. */
import { emailFileTemplate } from "../lib/eleventy/email.ts";

const template = emailFileTemplate("email.html");

export const data = template.data;
export const render = template.render;
