/** Each issue's `email.txt` (the edition's text part), beside the page. */
import { emailFileTemplate } from "../lib/eleventy/email.ts";

const template = emailFileTemplate("email.txt");

export const data = template.data;
export const render = template.render;
