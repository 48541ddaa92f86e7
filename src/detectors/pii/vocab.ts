// A consumer-health vocabulary for the health-mention finder, kept as families of terms rather than one-off
// phrases: everyday and slang names for conditions ("the big C", "my sugar", "ticker"), mental-health and
// reproductive-health terms, specialists attached to someone's care ("my cardiologist"), generic drug names by
// their INN stems and the brand names people actually type, plus a misspelling matcher ("diabeties", "ashma",
// "perscription") that accepts one edit away from a long lexicon term. Hand-written; no third-party data (see
// README.md beside this file). Pure: Sets and one precomputed delete-index, looked up per distinct word.
import { COMMON_WORDS, FIRST_NAMES, LAST_NAMES } from './lexicon.ts';

/** Single words (lower-case) that are health mentions wherever they appear. */
export const EXTRA_WORDS: readonly string[] = `
anorexic bulimic manic mania psychosis psychotic hallucinations hallucinating delusions dissociation dissociative agoraphobia
paranoid_schizophrenia bpd pmdd pms ppd hypomania depressive cyclothymia trichotillomania dyslexia dyspraxia tourette's tourettes
aspergers psych_ward psych_hold
estrogen oestrogen progestin spironolactone puberty_blockers transitioning top_surgery bottom_surgery vaginismus vulvodynia
impotence impotent erectile libido menstrual menstruation period_cramps preggo preggers
trichomoniasis descovy prep_pills



benzos benzo opiods opioid-addicted percs percocets oxys xannies xanny
losartan amlodipine lisinopril metoprolol atenolol carvedilol propranolol valsartan sildenafil tadalafil tamsulosin loratadine
cetirizine fexofenadine lidocaine novocaine hydrocortisone cortisone triamcinolone dexamethasone prednisone methylprednisolone
albuterol levalbuterol salmeterol formoterol tiotropium ipratropium amitriptyline nortriptyline clomipramine imipramine
clozapine haloperidol lorazepam diazepam alprazolam clonazepam temazepam buprenorphine oxymorphone hydromorphone
insulin_glargine glargine lispro aspart alendronate risedronate ibandronate omeprazole pantoprazole
esomeprazole lansoprazole famotidine ranitidine ondansetron metoclopramide loperamide mesalamine sulfasalazine azathioprine
mycophenolate tacrolimus cyclosporine allopurinol colchicine febuxostat amoxil penicillin clindamycin azithromycin ciprofloxacin
levofloxacin doxy valacyclovir acyclovir oseltamivir fluconazole terbinafine isotretinoin tretinoin retin-a minoxidil
rogaine propecia biktarvy genvoya triumeq
candidiasis thrush hypertrophy dystrophy atrophy cardiomegaly hydrocele varicocele hemophilia thalassemia
dyslipidemia hyperlipidemia neuropathy myopathy palsy spina_bifida cystic_fibrosis sickle_cell sickle-cell down_syndrome
remission relapse metastasized metastases terminally_ill terminal_cancer
dnr do_not_resuscitate radiation radiotherapy brachytherapy
withdrawl withdrawls detoxed od'd od'ing oding overdosing overdoses 5150 5150'd baker_acted baker_act involuntary_hold suicide_watch
suicidal_tendencies kill_myself killing_myself end_my_life take_my_own_life tried_to_kill self_harming selfharm
colonscopy colonscopies mammo mammograms ultrasounds sonograms pap_smears paps biopsied labwork
c_section csection c-sections csections d_and_c d&c induction_of_labor induced_labor labor_induction pitocin
trying_to_get_pregnant egg_freezing froze_my_eggs frozen_embryos surrogate surrogacy sperm_donor donor_sperm
hot_flash hot_flushes perimenopausal menopausal postmenopausal
stomachache stomach_ache tummy_ache bellyache back_ache backache aching achy runny_nose stuffy_nose sneezing phlegm
high_temp high_fever bruise bruised bruises blister blisters infected infected_tooth sunburn frostbite dehydrated dehydration
wheezy out_of_breath short_of_breath heart_racing racing_heart irregular_heartbeat high_bp low_iron iron_deficiency
vitamin_d_deficiency b12_deficiency lactose_intolerant lactose_intolerance gluten_intolerance gluten_intolerant gerd gallbladder nasal_congestion chest_congestion
adenoids checkup check-up annual_physical well_visit well-child_visit wellness_exam physical_exam blood_draw
general_anesthetic local_anesthetic general_anesthesia spinal_block acupuncture condom condoms folic_acid prenatal_vitamins
elavil melatonin pepto pepto-bismol excedrin nicotine_gum marijuana cannabis cbd medical_marijuana shrooms lsd mdma
intubated extubated trached bedbound housebound homebound trimester trimesters first_trimester second_trimester third_trimester rainbow_baby
baby_bump weeks_along months_along intensive_care in_a_coma induced_coma on_life_support life_support burn_unit burn_center
trauma_unit cardiac_unit step-down_unit cardiac_rehab pulmonary_rehab inpatient_rehab treatment_center treatment_facility
residential_treatment sober_living in_recovery using_again
nauseous nauseated queasy constipated bloated indigestion mucus itchy pus limping feverish clammy jaundice jaundiced gangrene
stiffness spasm spasms soreness inflammation inflamed concussed unconscious paralyzed paralysed paralysis amputee epileptic
plantar_fasciitis hypothyroid hyperthyroid laceration lacerations gash wound wounds lesion lesions sniffles welts wart deaf
disability disabilities legally_blind went_blind going_blind blind_in_one_eye hard_of_hearing bed_rest gave_birth giving_birth
give_birth birth_plan home_birth on_the_spectrum special_needs under_the_knife running_a_temperature running_a_fever
spiked_a_fever broke_out_in_hives broke_out_in_a_rash
`.split(/\s+/).filter(Boolean);

/**
 * Phrases (lower-case; "_" = a space or hyphen). Ordinary words that are health talk only in company:
 * "my sugar", "the big C", "bad ticker", "the change", "my period".
 */
export const EXTRA_PHRASES: readonly string[] = `
the_big_c big_c the_big_casino the_c_word my_sugar her_sugar his_sugar their_sugar sugar_diabetes
sugars_high sugar_is_high sugar_was_high sugar_problems sugar_levels sugar_numbers sugar_crashed sugar_dropped touch_of_sugar
my_ticker his_ticker her_ticker bad_ticker ticker_trouble ticker_problems weak_heart bad_heart heart_trouble heart_problems heart_issues
heart_condition heart_scare enlarged_heart leaky_valve heart_valve valve_replacement lung_problems lung_issues breathing_problems
kidney_problems kidney_issues liver_problems liver_issues thyroid_problems thyroid_issues bladder_problems bowel_problems
stomach_problems stomach_issues prostate_problems prostate_issues memory_problems mental_health_issues mental_health_problems
bad_knee bad_knees bum_knee bad_hip bad_hips bad_back bum_hip busted_knee blown_knee blown_out_knee trick_knee slipped_disk
bad_nerves my_nerves nerve_pills nerve_damage water_pills blood_thinner blood_thinners heart_pills heart_meds bp_meds bp_pills
blood_pressure_pills blood_pressure_meds happy_pills anxiety_meds anxiety_pills depression_meds psych_meds sleeping_pills
sleep_meds pain_pills pain_meds diet_pills fertility_drugs fertility_meds water_retention fluid_on_my_lungs fluid_around_my_heart
going_through_the_change went_through_the_change the_menopause change_of_life on_my_period my_period missed_my_period missed_a_period late_period
period_is_late heavy_periods irregular_periods painful_periods pregnancy_scare knocked_up expecting_a_baby
expecting_twins trying_to_conceive trying_for_a_baby egg_retrieval embryo_transfer two_week_wait chemical_pregnancy
morning-after_pill abortion_pill medication_abortion gender_affirming gender-affirming_care hormone_blockers pelvic_exam
prostate_exam breast_exam rectal_exam cervical_check std_screening sti_screening
brain_fog chemo_brain nervous_breakdown mental_breakdown mental_hospital psych_hospital psychiatric_hold
psychiatric_ward behavioral_health_unit hearing_voices panic_attacks eating_disorder ed_recovery
pubic_lice has_the_sugar got_the_sugar sugar_is_low sugar_was_low my_shrink the_clap the_runs the_trots the_shakes the_dts the_sweats the_sniffles head_cold chest_cold bad_cold nasty_cold caught_a_cold
stomach_flu tummy_bug stomach_virus canker_sore canker_sores athlete's_foot athletes_foot jock_itch cold_sore pink_eye
blood_poisoning bed_sores bedsores pressure_sores pressure_ulcer ingrown_toenail toe_fungus nail_fungus skin_tag skin_tags
growth_removed lump_removed mole_removed spot_on_my_lung spot_on_his_lung spot_on_her_lung shadow_on_the_xray
cancer-free cancer_free in_remission chemo_treatments radiation_treatments rounds_of_chemo last_chemo
on_oxygen oxygen_tank stage_iv terminal_diagnosis months_to_live weeks_to_live
wheelchair-bound bedridden bed-bound hospice_care memory_care
in_a_dark_place in_a_really_dark_place in_a_very_dark_place in_a_bad_place_mentally hit_rock_bottom my_depression her_depression his_depression
bad_lungs weak_lungs bad_kidneys weak_kidneys bad_liver bad_circulation poor_circulation circulation_problems heart_flutter high_sugar low_sugar
water_on_the_knee water_on_his_knee water_on_her_knee fluid_on_the_lungs fluid_on_his_lungs fluid_on_her_lungs fluid_around_the_heart
car_wreck motorcycle_accident bike_accident work_accident accident_at_work hit_by_a_car slipped_a_disc slipped_a_disk pulled_a_muscle
pulled_my_back pulled_his_back pulled_her_back threw_my_back_out threw_his_back_out threw_her_back_out threw_out_my_back threw_out_his_back threw_out_her_back
second-degree_burn second-degree_burns third-degree_burn third-degree_burns first-degree_burn bad_burn bad_burns
keep_food_down keep_anything_down keep_water_down keep_liquids_down catch_my_breath catch_his_breath catch_her_breath catch_their_breath
barely_breathe hard_to_breathe trouble_breathing difficulty_breathing could_not_breathe couldn't_breathe can't_breathe cannot_breathe
coughing_up_blood dizzy_spells dizzy_spell fainting_spells spells_of_dizziness
`.split(/\s+/).filter(Boolean);

/**
 * Brand and generic drug names people type (chronic-disease, mental-health, HIV/hepatitis, oncology, dermatology,
 * respiratory and over-the-counter), beyond health.ts's own list and the stems below.
 */
export const DRUG_NAMES: readonly string[] = `
glyburide pioglitazone actos amaryl glucotrol glucophage janumet synjardy xigduo steglatro soliqua xultophy fiasp admelog lyumjev afrezza baqsimi gvoke glucagon humulin novolin
hydralazine isosorbide imdur nitroglycerin nitrostat digoxin lanoxin amiodarone cordarone pacerone diltiazem cardizem verapamil nifedipine procardia labetalol nebivolol bystolic
benazepril lotensin ramipril altace enalapril vasotec zestril prinivil accupril chlorthalidone torsemide demadex bumetanide bumex aldactone inspra eplerenone microzide klor-con
benicar olmesartan diovan cozaar hyzaar micardis telmisartan irbesartan avapro atacand edarbi exforge lotrel tribenzor bidil tikosyn betapace flecainide tambocor sotalol dofetilide multaq ranexa
pradaxa dabigatran savaysa repatha praluent leqvio nexletol vascepa tricor fenofibrate gemfibrozil ezetimibe welchol camzyos vyndaqel vyndamax kerendia verquvo corlanor
trintellix vortioxetine pristiq desvenlafaxine viibryd vilazodone auvelity caplyta ingrezza austedo nuplazid aricept donepezil memantine namenda rivastigmine leqembi
sinemet carbidopa levodopa ropinirole pramipexole requip mirapex xyzal levocetirizine nasacort qvar pulmicort dulera anoro breztri daliresp tezspire nucala fasenra xolair trikafta kalydeco ofev esbriet
xifaxan rifaximin amitiza trulance motegrity creon dexilant carafate reglan bentyl dicyclomine lomotil uceris lialda asacol pentasa zeposia
myrbetriq vesicare oxybutynin detrol gemtesa levitra orilissa myfembree nexplanon annovera makena diclegis zurzuvae zulresso
eylea lucentis vabysmo xiidra restasis lumigan xalatan latanoprost timolol combigan rhopressa
sotyktu tremfya ilumya bimzelx kevzara actemra orencia olumiant cimzia simponi kineret benlysta krystexxa uloric zyloprim colcrys
evenity forteo tymlos reclast boniva actonel evista veozah estrace vagifem climara vivelle divigel androgel xyosted jatenzo
qulipta vyepti reyvow zavzpret fioricet butalbital skelaxin zanaflex lidoderm belbuca butrans nucynta xtampza hysingla zohydro opana subutex sublocade zubsolv lucemyra
campral acamprosate disulfiram zyban varenicline qelbree azstarys adzenys mydayis evekeo jornay daytrana kapvay aplenzin emsam fetzima symbyax
geodon ziprasidone saphris fanapt lybalvi cobenfy clozaril lithobid trileptal oxcarbazepine carbamazepine vimpat lacosamide briviact xcopri fycompa aptiom banzel onfi diastat valtoco nayzilam epidiolex zonegran zonisamide phenytoin pregabalin
gralise horizant savella belsomra dayvigo quviviq lunesta eszopiclone restoril halcion rozerem xyrem xywav wakix sunosi provigil nuvigil modafinil armodafinil
dovato juluca odefsey complera stribild symtuza prezcobix cabenuva apretude sunlenca isentress tivicay prezista edurant atripla epclusa harvoni mavyret sovaldi zepatier
xtandi zytiga erleada nubeqa lynparza verzenio kisqali tukysa enhertu kadcyla perjeta tecentriq imfinzi libtayo yervoy lenvima cabometyx inlyta sutent votrient lonsurf xeloda capecitabine tarceva alecensa calquence brukinsa venclexta darzalex kyprolis velcade pomalyst jakafi tasigna sprycel neulasta neupogen aranesp procrit epogen zometa xgeva
cibinqo adbry opzelura eucrisa elidel protopic soolantra finacea aczone epiduo differin absorica claravis amnesteem doryx solodyn oracea
levaquin avelox biaxin clarithromycin ceftin cefuroxime omnicef cefdinir rocephin ceftriaxone zyvox xofluza relenza lagevrio valcyte famvir abreva monistat lamisil nizoral nystatin ivermectin stromectol tindamax metronidazole dificid
tums rolaids gaviscon maalox metamucil senokot dramamine meclizine antivert robitussin delsym theraflu coricidin afrin rhinocort clarinex pataday midol pamprin bengay aspercreme salonpas orajel vagisil unisom zzzquil nytol zicam alka-seltzer kaopectate prevacid zegerid lactaid emergen-c
`.split(/\s+/).filter(Boolean);

/**
 * INN stems of generic drug names (WHO "Use of stems"), longer than the stems already in health.ts's suffix rule,
 * each needing at least three letters before it.
 */
export const DRUG_STEMS: readonly string[] = `
olone isone asone terol tropium lukast dronate gliflozin glutide tadine setron afil caine barbital cycline conazole vudine navir
semide thiazide zosin osin ipramine triptyline peridone apine zapine zolam oxacin lamide lutamide relin tretinoin
sulfa mustine trexate imus limus rolimus ximab zumab umab cept ciclib parib rafenib degib
`.split(/\s+/).filter(Boolean);

/** Condition/procedure morphology families beyond health.ts's own (-itis, -oma, -ectomy…). */
export const CONDITION_SUFFIXES: readonly string[] = `
iasis plasia trophy megaly rrhage cele phobia lepsy penia cytosis philia tension
`.split(/\s+/).filter(Boolean);

/** Words these suffix families would catch that are ordinary English (checked before the families). */
export const SUFFIX_EXCEPTIONS: ReadonlySet<string> = new Set(
  `
trophy trophies homophobia transphobia xenophobia islamophobia biphobia attention contention intention extension pretension detention retention tension tensions
hypertension-free philia bibliophilia cinephilia audiophile anglophilia francophilia
cocaine novocaine procaine chicane hurricane arcane canes candycane
pasta casta vista penia zenia
oklahoma
barbital
remote remotes
cele
citation sanitation
`
    .split(/\s+/)
    .filter(Boolean),
);

const STEM_RE = new RegExp(`^[a-z]{3,}(?:${DRUG_STEMS.join('|')})s?$`);
const COND_RE = new RegExp(`^[a-z]{3,}(?:${CONDITION_SUFFIXES.join('|')})s?$`);

/** True for a word that a drug stem or condition family marks as a health term (and that is not everyday English). */
export function isMorphologicalHealthWord(w: string): boolean {
  if (w.length < 7 || SUFFIX_EXCEPTIONS.has(w)) return false;
  if (!STEM_RE.test(w) && !COND_RE.test(w)) return false;
  // Everyday words in these shapes ("intention", "propane", "magazine") are in the common-word list; medical ones
  // that also appear there ("hypertension", "atrophy") are taken by the explicit lexicons first.
  const base = w.replace(/s$/, '');
  return !COMMON_WORDS.has(w) && !COMMON_WORDS.has(base) && !FIRST_NAMES.has(base) && !LAST_NAMES.has(base);
}

// ---- misspellings -------------------------------------------------------------------------------------------------

/** Common misspellings that are two edits away (one-edit ones are found by the matcher). */
export const MISSPELLINGS: readonly string[] = `
diabeetus diabetus diabites diabeetes nemonia newmonia numonia pnemonia neumonia
oldtimers altimers alzheimer altzheimers alzhiemers artheritis arthritus athritis arthuritis
excema exzema eczma psoraisis sorisis hemroids hemorroids hemmoroids hemmroids cholestoral colestrol colesterol
thyriod tyroid diarea diarrea diarreah diareah diahrea vomitting vommiting vomitted nausia nausious nauseus
sezure siezure seezure seizer ceasures migrane migrain migranes anxeity anxitey anxity depresion deppression
skitzo schitzo skitzophrenia schitzophrenia scizophrenia bi-polar bipoler biploar
perscription perscriptions prescripton presciption antibotics antibiodics anti-biotics ibuprophen ibuprofin iboprofen
percoset zanax xanex xanaz adderal adderol aderall adderrall clonopin klonipin klonopen lexipro lexapo prozak
welbutrin seraquel seroquil oxycotton hydros vicodine vicadin tylonol tyenol asprin
mamogram mammagram mamography colonscopy colonoscapy endoscapy ultra_sound ultrasaund sonagram
kemo cancre cancar tumer lukemia leukimia lymphona melonoma
histerectomy hysterectamy vasectamy mastectamy appendectamy apendicitis appendicitus bronkitis broncitis sinusitus tonsilitis
asma exema ashma azma athsma hep_a hep_b hepatitis_a hepatitis_b asthmatic asmatic emphasema emphazema ephysema
anurism anurysm aneurism hyppertension hypertention hypotention
`.split(/\s+/).filter(Boolean);

const VOWEL = /[aeiouy]/;

/** Edit-distance-1 (insert, delete, substitute, swap neighbours): true when a and b are at most one such edit apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  // People keep the first letter of a word they misspell ("humour" is not "tumour", "sheeze" not "wheeze").
  if (i === 0) return false;
  if (la === lb) {
    // a vowel for a vowel ("diabetis", "seraquel"); a consonant swap is more often another word ("canner")
    if (VOWEL.test(a[i]!) && VOWEL.test(b[i]!) && a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Symmetric-delete index over long health terms: each term and each of its one-letter deletions → the terms.
 * A word is a misspelling when it (or one of its deletions) hits the index and is truly within one edit.
 */
export class MisspellingIndex {
  private readonly index = new Map<string, string[]>();
  constructor(terms: Iterable<string>, minLength = 6) {
    for (const t of terms) {
      if (t.length < minLength || !/^[a-z]+$/.test(t)) continue;
      this.add(t, t);
      for (let i = 0; i < t.length; i++) this.add(t.slice(0, i) + t.slice(i + 1), t);
    }
  }
  private add(key: string, term: string): void {
    const list = this.index.get(key);
    if (!list) this.index.set(key, [term]);
    else if (!list.includes(term)) list.push(term);
  }
  /** The lexicon term `w` is a one-edit misspelling of, or null. */
  match(w: string): string | null {
    const hit = (key: string): string | null => {
      const list = this.index.get(key);
      if (!list) return null;
      for (const t of list) if (withinOneEdit(w, t)) return t;
      return null;
    };
    const direct = hit(w);
    if (direct) return direct;
    for (let i = 0; i < w.length; i++) {
      const r = hit(w.slice(0, i) + w.slice(i + 1));
      if (r) return r;
    }
    return null;
  }
}

/**
 * Should `w` (lower-case letters, not itself a lexicon term) be read as a misspelt health term? Only words of six or
 * more letters that are neither everyday English nor a known first or last name, so "Lyrics", "sugary", "Becker"
 * and friends stay what they are.
 */
export function isLikelyMisspelling(w: string, index: MisspellingIndex): boolean {
  if (w.length < 6 || !/^[a-z]+$/.test(w)) return false;
  if (COMMON_WORDS.has(w) || FIRST_NAMES.has(w) || LAST_NAMES.has(w)) return false;
  const base = w.endsWith('s') ? w.slice(0, -1) : w;
  if (COMMON_WORDS.has(base) || FIRST_NAMES.has(base) || LAST_NAMES.has(base)) return false;
  return index.match(w) !== null;
}

/** Specialists and therapists: a health mention only when attached to someone's care ("my cardiologist", "saw a urologist"). */
export const SPECIALISTS: readonly string[] = `
cardiologist dermatologist urologist neurologist rheumatologist allergist podiatrist endocrinologist gastroenterologist gi_doctor
pulmonologist nephrologist hematologist oncologist gynecologist gyno obgyn ob-gyn obstetrician orthopedist ortho orthopedic_surgeon
otolaryngologist ent ophthalmologist optometrist neurosurgeon surgeon radiologist anesthesiologist physiatrist midwife doula
chiropractor chiro physio physical_therapist psychologist psychiatrist therapist counselor counsellor shrink pcp pain_specialist
ob_gyn fertility_doctor fertility_specialist reproductive_endocrinologist sleep_specialist dietitian nutritionist speech_therapist
ob derm onc neuro psych rheum rheumy audiologist orthodontist oral_surgeon periodontist endodontist hospitalist psychotherapist
sleep_doctor pain_doctor heart_doctor kidney_doctor lung_doctor foot_doctor eye_doctor skin_doctor bone_doctor cancer_doctor
diabetes_doctor occupational_therapist respiratory_therapist wound_nurse hospice_nurse diabetes_educator lactation_consultant
`.split(/\s+/).filter(Boolean);
