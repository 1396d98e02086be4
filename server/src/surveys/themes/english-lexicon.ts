import type { CommentThemeKey } from '@huifang/shared';

/**
 * English cue words per theme, written from how patients describe care (not learnt from the
 * test split). Each hit adds a `cue:<theme>` feature to the linear model, which learns how much
 * to trust it; this helps most the themes with few labelled examples (food, environment,
 * discharge), where single words such as "meals" or "discharged" carry the theme.
 */
export const ENGLISH_THEME_CUES: Readonly<Partial<Record<CommentThemeKey, RegExp>>> = {
  waiting: /\b(wait(s|ed|ing)?|delay(s|ed)?|late|on time|prompt(ly)?|punctual|quick(ly)?|slow|timely|hours?|minutes?|mins|early|straight away|long time|response time)\b/i,
  staff_attitude: /\b(friendly|kind(ness)?|polite|caring|helpful|rude|pleasant|lovely|courteous|respectful|compassionate|attitude|manner|nice|cheerful|considerate|welcoming|unfriendly|dismissive|patience)\b/i,
  communication: /\b(explain(s|ed|ing)?|explanation|listen(s|ed|ing)?|informed|information|told|tell|communicat(e|ed|ion)|updated?|updates|clear(ly)?|understand(ing)?|understood|questions|advice|leaflets?)\b/i,
  clinical_care: /\b(qualified|thoroughly|confiden(t|ce)|bloods?|pharmac\w+|ecg|x-?rays?|expertise|expert|diagnos(is|ed|e)|misdiagnos\w*|medications?|medicines?|tablets|prescri\w+|pain(killers)?|knowledgeable|competent|skill(s|ed)?|thorough|assess(ed|ment)|examin(ed|ation)|triage|experienced|training|trained|tests?|scan|injections?)\b/i,
  appointments: /\b(appointments?|book(ing|ed)?|rebook(ed)?|cancel(led|ed|lation)?|phone|call(ed)? back|get through|telephone|contact(ing)?|waiting list|reschedul\w+|letter)\b/i,
  environment: /\b(clean(ed|er|liness)?|dirty|filthy|tidy|untidy|rooms?|nois[ey]|quiet|heat(ing|er)?|toilets?|privacy|spacious|overcrowd\w*|crowded|showers?|facilit(y|ies)|atmosphere|space|light(s|ing)?|smell\w*|seating|chairs?|environment|surroundings)\b/i,
  parking_transport: /\b(transport|taxis?|cars?|vehicles?|journeys?|pick(ed|ing)? up|travel(led)?|drive|drove|parking|car ?park|bus|buses|lift|(return(ed)?|get|got|take (us|me)|way) home|way to (the )?hospital)\b/i,
  food: /\b(water|catering|veg\w*|chocolate|fizzy|food|meals?|breakfast|lunch|dinner|supper|tea|coffee|drinks?|snacks?|menu|eat(ing)?|cakes?|pudding|refreshments?|sandwich(es)?|hungry|diet|portions?|takeaway)\b/i,
  discharge: /\b(referring|liais\w+|between (the )?teams|no support|discharg(e|ed|ing)|follow[- ]?ups?|after ?care|refer(red|ral|rals)?|care plans?|treatment plans?|plans?|handover|continuity|transferr?ed|sent home|left hospital|aftercare|signposted|next steps)\b/i,
};

/**
 * What the training file cannot teach (NHS care is free; its `Parking` column is empty): one of
 * these words alone tags the theme.
 */
export const ENGLISH_CUE_ONLY: Readonly<Partial<Record<CommentThemeKey, RegExp>>> = {
  cost: /\b(bill|bills|billing|billed|invoice|charges?|charged|overcharged|costs?|costly|expensive|prices?|fees?|insurance|co-?pay|refund)\b/i,
  parking_transport: /\b(parking|car ?parks?|park(ed)? the car|parking (spaces?|tickets?|fees?))\b/i,
};
