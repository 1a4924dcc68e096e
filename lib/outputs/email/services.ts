/**
 * The RSS-to-email services the edition is written for. Each fills in its own merge tags
 * when it sends, so the footer's unsubscribe link and address are written in that
 * service's syntax; with no service set, the footer says how to follow by feed instead.
 */
import type { EmailService } from "../../contract/schema.ts";

export interface ServiceTags {
  /** What the service calls itself, for the footer and messages. */
  name: string;
  /** The unsubscribe link's `href`, as the service's merge tag. */
  unsubscribeUrl: string;
  /** The service's postal-address tag, when it has one (it prints the address kept in the account). */
  addressTag?: string;
  /** The same address in the text part. */
  textAddressTag?: string;
  /** The subscriber's own address, for "You are receiving this at …". */
  recipientTag: string;
}

/**
 * Merge tags as each service documents them: Buttondown's Django templates, Mailchimp's
 * `*|TAG|*` merge tags, Kit's Liquid.
 * @example SERVICE_TAGS.mailchimp.unsubscribeUrl // "*|UNSUB|*"
 */
export const SERVICE_TAGS: Record<EmailService, ServiceTags> = {
  buttondown: {
    name: "Buttondown",
    unsubscribeUrl: "{{ unsubscribe_url }}",
    recipientTag: "{{ subscriber.email }}",
  },
  mailchimp: {
    name: "Mailchimp",
    unsubscribeUrl: "*|UNSUB|*",
    addressTag: "*|HTML:LIST_ADDRESS_HTML|*",
    textAddressTag: "*|LIST:ADDRESSLINE|*",
    recipientTag: "*|EMAIL|*",
  },
  kit: {
    name: "Kit",
    unsubscribeUrl: "{{ unsubscribe_url }}",
    addressTag: "{{ address }}",
    textAddressTag: "{{ address }}",
    recipientTag: "{{ subscriber.email_address }}",
  },
};
