// Health mentions: a curated, generous lexicon of conditions, procedures, tests and drugs, plus medical
// suffix patterns (-itis, -oma, -ectomy, drug stems -pril/-olol/-statin/-mab/-azepam…) and phrase patterns
// ("diagnosed with X", "my biopsy came back positive"). Returns spans; no I/O.
import type { Entity } from '../../core/types.ts';
import { boundedMemo } from '../text/memo.ts';
import {
  DRUG_NAMES,
  EXTRA_PHRASES,
  EXTRA_WORDS,
  MISSPELLINGS,
  MisspellingIndex,
  SPECIALISTS,
  isLikelyMisspelling,
  isMorphologicalHealthWord,
} from './vocab.ts';

const TERMS = `
diabetes diabetic prediabetes type_1_diabetes type_2_diabetes gestational_diabetes insulin cancer cancers tumor tumour tumors lump lumps
leukemia lymphoma melanoma carcinoma sarcoma myeloma metastatic metastasis stage_4 stage_four chemo chemotherapy radiation_therapy radiation_treatment
oncology oncologist hiv aids hiv_positive hiv-positive hepatitis hep_c std stds sti stis herpes chlamydia gonorrhea syphilis hpv genital_warts
depression depressed anxiety panic_attacks panic_attack bipolar schizophrenia schizophrenic ptsd ocd adhd autism autistic asperger's
eating_disorder anorexia bulimia suicidal suicide_attempt self-harm self_harm psychiatric psychiatrist mental_health mental_illness nervous_breakdown
therapy therapist counseling rehab addiction addicted alcoholism alcoholic sober sobriety relapse overdose overdosed opioid opioids opiates
heroin meth cocaine substance_abuse drug_abuse
asthma copd emphysema bronchitis pneumonia tuberculosis covid covid-19 coronavirus flu influenza strep strep_throat sinus_infection ear_infection
infection infections uti yeast_infection std_test hypertension high_blood_pressure low_blood_pressure high_cholesterol cholesterol
heart_attack heart_disease heart_failure cardiac_arrest arrhythmia afib a-fib atrial_fibrillation pacemaker stent bypass_surgery bypass angioplasty
stroke strokes aneurysm seizure seizures epilepsy migraine migraines concussion dementia alzheimer's alzheimers parkinson's parkinsons
multiple_sclerosis ms_diagnosis lupus crohn's crohns colitis ibs celiac fibromyalgia gout sciatica scoliosis osteoporosis
kidney_disease kidney_failure kidney_stones kidney_stone dialysis liver_disease cirrhosis transplant transplants thyroid hypothyroidism hyperthyroidism
anemia anemic obesity obese overweight weight_loss_surgery gastric_bypass bariatric
pregnant pregnancy miscarriage miscarried abortion ivf infertility infertile fertility_treatment prenatal postpartum c-section stillbirth ectopic
birth_control plan_b morning_after_pill vasectomy hysterectomy mastectomy lumpectomy colonoscopy endoscopy mammogram pap_smear pap_test biopsy biopsies
mri mris ct_scan cat_scan x-ray x-rays xray ultrasound ekg ecg blood_test blood_work bloodwork lab_results test_results lab_work pathology
surgery surgeries knee_replacement hip_replacement root_canal wisdom_teeth fracture fractured broken_arm broken_leg broken_jaw broken_wrist broken_ankle broken_hip broken_nose broken_ribs
stitches sprain sprained torn_acl torn_meniscus herniated_disc slipped_disc back_pain chronic_pain chest_pain cyst cysts polyp polyps
rash shingles measles mumps chickenpox eczema psoriasis acne rosacea warts mole_removal skin_cancer
dementia glaucoma cataract cataracts macular_degeneration hearing_loss tinnitus vertigo sleep_apnea insomnia narcolepsy
allergy allergies allergic anaphylaxis epipen epi-pen inhaler nebulizer cpap
vaccine vaccines vaccination flu_shot covid_shot booster_shot tetanus_shot immunization immunizations
prescription prescriptions prescribed medication medications meds pills antibiotics antibiotic antidepressant antidepressants painkillers
xanax valium klonopin ativan adderall ritalin vyvanse zoloft prozac lexapro paxil celexa wellbutrin cymbalta effexor lithium seroquel abilify
ambien oxycontin oxycodone percocet vicodin hydrocodone morphine fentanyl methadone suboxone naloxone narcan tramadol codeine gabapentin
metformin ozempic wegovy mounjaro trulicity jardiance januvia lipitor crestor warfarin coumadin eliquis xarelto plavix prednisone steroids
amoxicillin augmentin zithromax z-pack cipro doxycycline truvada viagra cialis testosterone hrt hormone_therapy hormone_replacement
tylenol advil motrin aleve benadryl claritin zyrtec allegra sudafed nyquil dayquil ibuprofen acetaminophen aspirin naproxen mucinex imodium antihistamine antihistamines
levothyroxine synthroid albuterol advair humira enbrel keytruda herceptin tamoxifen botox accutane
diagnosed diagnosis misdiagnosed prognosis hospice palliative icu er_visit emergency_room hospitalized hospitalised
infarction myocardial embolism thrombosis fever bleeding hemorrhage sepsis septic abscess ulcer ulcers hernia incontinence
disorder disorders syndrome symptoms injury injuries rehabilitation physiotherapy post-op postop s/p hx dx tx rx iud the_pill heart_cath cardiac_cath cath catheter stents gastric_sleeve tb fatigue flare flare-up flare-ups hospital_stay home_oxygen oxygen_tank
chest_pains type_1 type_2 liver_enzymes methadone_maintenance dialysis
comorbidities comorbidity side_effects adverse_effects renal_failure blood_pressure vaccinate vaccinated vaccinating discharged headache headaches hypertensive post-surgery post-operative postoperative prosthetic
neurogenic_bladder breast_ca lung_ca prostate_ca heart_murmur blood_clot blood_clots
cough coughing nausea vomiting diarrhea constipation dizziness dizzy fainted fainting palpitations shortness_of_breath sore_throat earache toothache
cavity cavities swelling swollen bruising numbness tingling hives itching gallstones heartburn acid_reflux reflux hemorrhoids goiter murmur heart_murmur
angina varicose_veins clot clots lice scabies ringworm pinkeye pink_eye vision_loss hearing_aid hearing_aids whiplash carpal_tunnel bunion bunions
menopause perimenopause endometriosis pcos fibroids erectile_dysfunction enlarged_prostate prostate_cancer colon_cancer lung_cancer ovarian_cancer
pap colposcopy sonogram labor_and_delivery epidural induced nicu preemie premature stillborn postpartum_depression breastfeeding lactation
physical_therapy occupational_therapy speech_therapy chiropractic infusion infusions iv_drip transfusion immunotherapy anesthesia sedation sedated
sutures staples splint crutches wheelchair insulin_pump glucose_monitor defibrillator amputation amputated prosthesis dentures root_canals extraction
gum_disease periodontal wisdom_tooth panic_disorder social_anxiety suicidal_thoughts suicidal_ideation withdrawal detox drinking_problem alcohol_abuse
nicotine_patch quit_smoking pregnancy_test nexplanon depo_shot tubal_ligation tubes_tied miscarry sti_test hiv_test std_test covid_test strep_test
sick illness ill injured injury hurt_my sprained_ankle pulled_muscle stomach_bug food_poisoning cold_sores cold_sore pneumonia
positive_for tested_positive came_back_positive came_back_negative results_came_back test_came_back
a1c hba1c non-stress_test rotator_cuff croup rsv bronchiolitis norovirus rotavirus whooping_cough pertussis impetigo staph mono
kidney_infection bladder_infection frozen_shoulder tennis_elbow trigger_finger heel_spur pinched_nerve bulging_disc degenerative_disc
preeclampsia eclampsia placenta_previa hyperemesis morning_sickness contractions vbac iui egg_retrieval embryo_transfer ovarian_cyst
hot_flashes night_sweats low_testosterone prolapse rheumatoid long_covid benign malignant pet_scan bone_scan dexa_scan echocardiogram
stress_test sleep_study holter eeg emg nerve_conduction spinal_tap lumbar_puncture amnio amniocentesis glucose_test psa_test cbc lipid_panel
metabolic_panel thyroid_panel urinalysis urine_test genetic_testing arthroscopy knee_scope scoped acl mcl acl_reconstruction spinal_fusion
lasik ablation cardioversion ear_tubes tubes_in_his_ears tubes_in_her_ears in_a_cast cast_off walking_boot braces_off braces_on got_braces
invisalign fillings a_filling dental_implant deep_cleaning tooth_pulled teeth_pulled booster tetanus tetanus_booster covid_booster flu_vaccine
tdap dtap shingrix gardasil weight_loss car_accident car_crash dog_bite tick_bite in_pain arm_weakness leg_weakness muscle_weakness
face_drooping facial_droop slurred_speech speech_difficulty blurred_vision blurry_vision double_vision chest_tightness weight_gain hair_loss
memory_loss joint_pain knee_pain hip_pain neck_pain shoulder_pain stomach_pain abdominal_pain pelvic_pain ear_pain tooth_pain jaw_pain foot_pain
lost_the_baby lost_our_baby lost_my_baby lost_a_baby post_op new_knee new_hip new_shoulder sober
lantus humalog novolog levemir tresiba toujeo basaglar victoza rybelsus farxiga invokana glipizide glimepiride entresto brilinta lasix furosemide
spironolactone hydrochlorothiazide hctz norvasc toprol coreg zocor zetia cytomel nexium prilosec protonix pepcid zantac miralax colace dulcolax
linzess flomax finasteride proscar avodart valtrex tamiflu paxlovid keflex cephalexin bactrim macrobid nitrofurantoin flagyl diflucan singulair
montelukast flonase nasonex symbicort breo spiriva trelegy ventolin proair dupixent otezla stelara skyrizi rinvoq xeljanz cosentyx taltz remicade
entyvio ocrevus tecfidera copaxone aimovig ajovy emgality nurtec ubrelvy imitrex maxalt topamax lamictal keppra depakote tegretol dilantin
neurontin lyrica flexeril cyclobenzaprine baclofen tizanidine meloxicam mobic celebrex diclofenac voltaren toradol robaxin norco dilaudid ultram
buspar buspirone hydroxyzine vistaril trazodone mirtazapine remeron latuda rexulti vraylar risperdal zyprexa haldol invega strattera concerta
focalin dexedrine intuniv guanfacine clonidine naltrexone vivitrol antabuse chantix nicorette depo-provera mirena kyleena skyla paragard nuvaring
yaz loestrin sprintec clomid letrozole femara arimidex anastrozole prolia fosamax estradiol premarin progesterone prometrium lupron opdivo tagrisso
ibrance revlimid imbruvica gleevec rituxan avastin sertraline fluoxetine escitalopram citalopram paroxetine bupropion venlafaxine duloxetine
lamotrigine levetiracetam topiramate quetiapine aripiprazole olanzapine risperidone zolpidem methylphenidate lisdexamfetamine atomoxetine
semaglutide tirzepatide liraglutide dulaglutide empagliflozin dapagliflozin heparin enoxaparin lovenox clopidogrel ticagrelor fluticasone
spotting nosebleed nosebleeds nose_bleed nose_bleeds bleeding_gums gums_bleed gum_bleeding threw_up throwing_up throw_up vomited vomit puking puked
passed_out passing_out blacked_out black_out vasovagal syncope stridor wheezing wheeze cramps cramping chills lightheaded light-headed tremor tremors
bloating blood_in_my_stool blood_in_my_urine night_terrors cluster_headache cluster_headaches mini_stroke mini-stroke nodule nodules thyroid_nodule
hashimoto's hashimotos hashimoto graves'_disease ehlers-danlos hand_foot_and_mouth hand_foot_mouth hand-foot-and-mouth scarlet_fever fifth_disease
pink_eye c_diff c._diff mrsa cellulitis sepsis preterm breech water_broke waters_broke went_into_labor in_labor labor_and_delivery premature_labor
binge_eating binge-eating purging relapsed relapsing years_clean year_clean months_clean days_clean got_clean outpatient inpatient intensive_outpatient
aa_meetings na_meetings mat_program methadone_clinic withdrawals detoxing cutting_again started_cutting stopped_cutting cut_myself cutting_myself
ferritin tsh ldl hdl triglycerides creatinine egfr gfr hemoglobin hematocrit platelets platelet_count white_count wbc inr vitamin_d_levels b12 iron_levels
hcg beta_hcg hcg_levels semen_analysis sperm_count troponin d-dimer glucose potassium_levels blood_sugar blood_sugars sugar_levels
pessary cochlear_implant cochlear_implants dexcom omnipod freestyle_libre cgm feeding_tube g-tube trach colostomy ostomy colostomy_bag ileostomy loop_recorder
picc picc_line on_oxygen back_on_oxygen oxygen_at_night bipap ventilator shunt port_placement iv_fluids iv_antibiotics iv_iron
nerve_block nerve_blocks cortisone_injection cortisone_shot steroid_injection steroid_shot epidural_injection injection injections iud_insertion scan scans
zepbound saxenda contrave phentermine qsymia spravato ketamine esketamine wegovy rosuvastatin atorvastatin simvastatin pravastatin
budesonide prednisolone methylprednisolone medrol ondansetron zofran sucralfate methotrexate hydroxychloroquine plaquenil etanercept statins statin
`;

/** Clinical abbreviations: matched only in capitals ("CHF", "T2DM"), never as ordinary words ("ms", "pad"). */
const ABBREV = new Set(
  ('CHF HTN CKD COPD DM T1DM T2DM BPH THA TKA CABG MI PE DVT SLE RA OA GERD MRSA CAD PAD ESRD AKI ARDS HCV HBV TBI CVA TIA UTI CF MS ' +
    'ALS IBD IBS OSA AFIB CHD HFREF HFPEF NSTEMI STEMI COVID HIV AIDS STI STD ADHD OCD PTSD BPD GAD MDD DKA UC ASD CP PCOS BRCA ' +
    'MMR RSV NST NSTS PSA ACL MCL A1C CBC EKG ECG EEG MRI CT IUD IVF OB-GYN OBGYN TSH LDL HDL INR BUN WBC GFR EGFR HCG CRP ESR AMH POTS EDS MAT IOP NIPT TIA IV PICC CGM UTI PPROM').split(' '),
);

const SINGLE = new Set<string>();
const PHRASES: string[] = [];
for (const tok of [...TERMS.split(/\s+/), ...EXTRA_WORDS, ...EXTRA_PHRASES, ...MISSPELLINGS, ...DRUG_NAMES]) {
  if (!tok) continue;
  if (tok.includes('_')) PHRASES.push(tok.replace(/_/g, ' '));
  else SINGLE.add(tok);
}

const EXCLUDE = new Set([
  'diploma', 'aroma', 'oklahoma', 'roma', 'soma', 'stoma', 'coma', 'comma', 'karma', 'drama', 'panorama', 'pajama', 'pyjama',
  'dogma', 'stigma', 'enigma', 'gamma', 'mama', 'obama', 'plasma', 'trauma', 'sympathy', 'empathy', 'apathy', 'telepathy',
  'homeopathy', 'antipathy', 'bema', 'cinema', 'schema', 'ischemia', 'academia', 'bohemia', 'supremacy', 'ammonia',
  'peril', 'april', 'lentil', 'utensil', 'nostril', 'tranquil', 'diagnosis', 'osmosis', 'hypnosis',
]);

// Medical suffixes: conditions, procedures and drug stems. Minimum stem length keeps short words out.
const SUFFIX_RE =
  /^(?:post-|pre-)?[a-z]{3,}(itis|omas?|emia|aemia|pathy|ectomy|otomy|ostomy|plasty|oscopy|osis|algia|pril|olol|statin|sartan|prazole|cillin|mycin|cardia|uria|rrhea|plegia|paresis|floxacin|tidine|oxetine|triptan|gliptin|glitazone|dipine|azepam|azolam|mab|tinib|rubicin|platin|taxel|xaban|parin|vir|azole|profen|codone|morphone|pine|zodone|arone)s?$/;
const SUFFIX_FALSE_FRIENDS = /(spine|alpine|supine|opine|repine|porcupine|concubine|clementine|pinepine)$/;

function isHealthWord(w: string): boolean {
  if (SINGLE.has(w)) return true;
  if (/^(?:post|pre|non)-/.test(w) && SINGLE.has(w.replace(/^(?:post|pre|non)-/, ''))) return true;
  if (EXCLUDE.has(w)) return false;
  if (SUFFIX_RE.test(w)) {
    return !SUFFIX_FALSE_FRIENDS.test(w);
  }
  return false;
}

/** One-edit misspellings of the longer lexicon words ("diabeties", "ashma", "perscription"). */
const MISSPELT = new MisspellingIndex([...SINGLE].filter((w) => !/^(?:injury|injuries|illness|disorder|disorders|symptoms|surgery|surgeries|diagnosed|diagnosis|induced|benign|booster|swelling|swollen|bleeding|itching|cramps|chills|staples|stitches|sedated|sedation|extraction|overweight|infection|infections)$/.test(w)));

/**
 * Phrases matched over word tokens (split on spaces, hyphens and punctuation): first word → candidate phrases,
 * longest first. A Map lookup per token instead of one alternation regex over hundreds of phrases.
 */
const PHRASE_GAP = /^\.?[\s-]+$/;
const PHRASES_BY_FIRST = new Map<string, string[][]>();
for (const p of PHRASES) {
  const words = p
    .toLowerCase()
    .split(/[\s-]+/)
    .map((w) => w.replace(/’/g, "'").replace(/['.]+$/, ''))
    .filter(Boolean);
  if (words.length === 0) continue;
  const list = PHRASES_BY_FIRST.get(words[0]!) ?? [];
  list.push(words);
  PHRASES_BY_FIRST.set(words[0]!, list);
}
for (const list of PHRASES_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

interface PTok {
  low: string;
  start: number;
  end: number;
  info: WordInfo;
}
function sameWord(tok: string, w: string): boolean {
  return tok === w || (tok.endsWith("'s") && tok.length - 2 === w.length && tok.startsWith(w));
}
/** Phrases, possessed words and specialists, visiting only the tokens (`hits`, ascending) that can start one. */
function findPhrases(text: string, toks: PTok[], hits: number[], out: Entity[]): void {
  let next = 0; // tokens before this index were consumed by a phrase
  for (const i of hits) {
    if (i < next) continue;
    const t = toks[i]!;
    const info = t.info;
    // someone's "ticker" or "sugar" ("Grandpa's ticker", "her sugar"): the heart, blood sugar
    if ((info.special & 1) !== 0 && i > 0 && (POSSESSIVE.has(toks[i - 1]!.low) || toks[i - 1]!.low.endsWith("'s"))) {
      out.push({ type: 'health', start: t.start, end: t.end });
    }
    if ((info.special & 2) !== 0) {
      const sp = specialistStart(toks, i);
      if (sp >= 0) out.push({ type: 'health', start: sp, end: t.end });
    }
    const cands = info.cands;
    if (!cands) continue;
    for (const words of cands) {
      if (!sameWord(t.low, words[0]!)) continue;
      // The word tokens hold letters only: a number in a phrase ("type 2 diabetes", "stage 4") is read from the text.
      let pos = t.end;
      let j = i + 1;
      let ok = true;
      let endsPossessive = false;
      for (let k = 1; k < words.length && ok; k++) {
        const w = words[k]!;
        if (/^\d+$/.test(w)) {
          const num = /^[\s-]+(\d+)(?![\w.])/.exec(text.slice(pos, pos + 8));
          ok = num !== null && num[1] === w;
          if (ok) pos += num![0].length;
          continue;
        }
        const b = toks[j];
        ok = b !== undefined && sameWord(b.low, w) && PHRASE_GAP.test(text.slice(pos, b.start));
        if (ok) {
          pos = b!.end;
          endsPossessive = b!.low.endsWith("'s") && !w.endsWith("'s");
          j++;
        }
      }
      if (!ok) continue;
      // a bare "'s" on the last word is not part of the mention
      out.push({ type: 'health', start: t.start, end: endsPossessive ? pos - 2 : pos });
      next = j;
      break;
    }
  }
}

/** Everyday words that name a body system or someone's care once someone owns them ("my procedure", "her physical"). */
const POSSESSED = new Set(['ticker', 'sugar', 'sugars', 'bp', 'procedure', 'procedures', 'operation', 'physical', 'labs', 'meds', 'pressure', 'shots', 'jabs', 'vitals', 'scans', 'scan', 'recovery', 'cast', 'refill', 'refills', 'results']);
const POSSESSIVE = new Set(['my', 'his', 'her', 'their', 'our', 'your']);
/** Specialists (single words) and the words that attach one to someone's care. */
const SPECIALIST_WORDS = new Set(SPECIALISTS.filter((w) => !w.includes('_')).flatMap((w) => [w, w + 's']));
/** Two-word specialists by their head word: "fertility doctor", "physical therapist", "gi doctor". */
const SPECIALIST_HEADS = new Map<string, Set<string>>();
for (const w of SPECIALISTS.filter((x) => x.includes('_'))) {
  const [mod, head] = w.split('_') as [string, string];
  const set = SPECIALIST_HEADS.get(head) ?? new Set<string>();
  set.add(mod);
  SPECIALIST_HEADS.set(head, set);
}
const CARE_CUE = new Set(['my', 'his', 'her', 'our', 'their', 'your', 'saw', 'see', 'seeing', 'sees', 'seen', 'to', 'with']);
const CARE_FILLER = new Set(['a', 'an', 'the', 'new', 'old', 'regular', 'former', 'current', 'usual', 'own', 'by']);
/** "my cardiologist", "saw a urologist", "referred me to the fertility specialist": the specialist's span, or -1. */
function specialistStart(toks: PTok[], i: number): number {
  const t = toks[i]!;
  let first = i;
  if (!SPECIALIST_WORDS.has(t.low)) {
    const mods = SPECIALIST_HEADS.get(t.low.replace(/s$/, ''));
    if (!mods || i === 0 || !mods.has(toks[i - 1]!.low)) return -1;
    first = i - 1;
  }
  let k = first - 1;
  for (let n = 0; n < 2 && k >= 0 && CARE_FILLER.has(toks[k]!.low); n++) k--;
  return k >= 0 && CARE_CUE.has(toks[k]!.low) ? toks[first]!.start : -1;
}

/** "diagnosed with X", "suffers from X", "X's disease": the named condition after a health verb. */
const DIAGNOSED_RE =
  /\b(?:diagnosed with|suffer(?:s|ed|ing)? from|treated for|treatment for|being treated for|battling|fighting|recovering from|died of|passed away from|positive for|tested for|checked for|scan for|surgery for|admitted for|in for (?:his|her|their|my) )\s+((?:[A-Za-z'’-]+\s){0,2}[A-Za-z'’-]+)/gi;
/** "had my gallbladder out", "hip replaced", "broke my wrist", "my liver enzymes were high". */
const BODY_EVENT_RE =
  /\b(?:(?:gallbladder|appendix|tonsils|adenoids|uterus|ovary|ovaries|kidney|spleen|thyroid|wisdom teeth|cyst|mole|tumou?r|polyp|cataracts?|stitches|cast|iud|implant|port)s?\s+(?:out|removed|taken out)|(?:cast|braces|boot|stitches|staples|sutures)\s+(?:off|came off|removed)|(?:hip|knee|shoulder|joint|valve|ankle|elbow)s?\s+(?:replaced|replacement|surgery|repaired|fixed)|(?:broke|broken|fractured|sprained|dislocated|tore|torn|cracked|busted|bruised)\s+(?:(?:my|his|her|their|a|the|two|three|several|some)\s+)?(?:arm|leg|wrist|ankle|hip|jaw|nose|rib|ribs|collarbone|foot|hand|finger|toe|back|neck|shoulder|knee|acl|meniscus|pelvis|skull)|(?:liver|kidney|thyroid|blood|sugar|cholesterol|iron|potassium|a1c|psa|white cell|platelet)\s+(?:enzymes|levels?|counts?|numbers|results|were high|was high|were low|was low))\b/gi;
/** Readings and short forms the word lexicon cannot hold: "sugar was 300", "BP 160/100", "D&C". */
const READING_RE = /\b(?:(?:blood )?sugars?|glucose|bp|blood pressure|a1c|temp|fever)\s*(?:was|is|were|at|of|hit|of like|reading)?\s*(?:\d{2,3}(?:\/\d{2,3})?|\d{1,2}\.\d)\b|\bD&C\b/gi;
const GENERIC_CONDITION_RE = /\b(?:[a-z]+(?:ular|ary|al|ic|ive|ous))\s+(?:disease|failure|syndrome|disorder|insufficiency|infection|injury)\b/gi;
const EPONYM_RE = /\b[A-Z][a-z]+(?:['’]s)?\s+(?:disease|syndrome|palsy|sign|reflex|disorder|lymphoma|esophagus|score|criteria|test|maneuver|phenomenon|sarcoma|ulcer|tumou?r|scale)\b/g;

// ---- everyday accounts of bodies, injuries, care and pregnancy ------------------------------------------------------
// People rarely name a condition; they say what happened to a body ("her knee gave out", "Dad had a fall", "he
// burned his hand"), where someone is ("rushed to the ER", "uses a walker") or what is coming ("we're expecting in
// May"). These patterns need an owner (my/his/Dad's…) or a person as subject, so "the office is under pressure", "a
// fall festival", "they were expecting me" and "my heart goes out to them" stay ordinary.
const KIN =
  'mom|mum|mother|dad|father|wife|husband|hubby|son|daughter|kid|kids|baby|grandma|grandpa|grandmother|grandfather|nana|papa|' +
  'brother|sister|aunt|uncle|cousin|boyfriend|girlfriend|partner|fiance|fiancee|niece|nephew|toddler|child|grandson|granddaughter|friend';
const OWNER = `(?:my|his|her|their|our|your|[a-z]+['’]s)`;
const PERSON = `(?:i|he|she|they|we|(?:my|our|his|her)\\s+(?:${KIN})|(?:${KIN}))`;
/** Body parts that take a symptom ("my ankles swell", "her knee gave out"); the heart has its own, idiom-free rule. */
const BODY =
  'knees?|back|lower back|neck|chest|lungs?|ankles?|feet|foot|legs?|hips?|arms?|hands?|wrists?|shoulders?|elbows?|stomach|tummy|belly|' +
  'head|throat|eyes?|ears?|kidneys?|liver|joints?|toes?|fingers?|jaw|teeth|tooth|gums|skin|bladder|bowels?|pressure|blood pressure|' +
  'sugars?|blood sugar|memory|vision|eyesight|hearing|breathing|balance|hamstring|groin|calf|calves|spine|pelvis|ribs?|sinuses|glands?|tonsils|lymph nodes';
const SYMPTOM =
  'gave out|gives out|giving out|went out|goes out|locked up|gave way|buckled|swell(?:s|ed|ing)?(?: up)?|hurts?|aches?|ached|throbs?|throbbed|' +
  'went numb|goes numb|going numb|started (?:hurting|bleeding|swelling|aching)|' +
  '(?:is|was|are|were|has been|have been|had been|been|got|gets|getting|keeps? getting|kept getting|felt|feels?|looked|looks)\\s+' +
  '(?:so\\s+|really\\s+|very\\s+|all\\s+|still\\s+|always\\s+|pretty\\s+|super\\s+|a bit\\s+|kind of\\s+|kinda\\s+)?' +
  '(?:tight|swollen|numb|bad|weak|failing|shot|hurting|aching|throbbing|killing (?:me|him|her)|bleeding|infected|inflamed|bruised|' +
  'broken|fractured|giving out|going|acting up|flaring(?: up)?|high|low|through the roof|tingling|burning|spasming|cramping|blurry|' +
  'fuzzy|puffy|swelling|itchy|worse|sore|stiff|locked|out of whack|out of control|crazy high|way up|way down|elevated|' +
  '(?:feeling|doing|getting|healing|looking)\\s+(?:much\\s+|a lot\\s+|so much\\s+|a little\\s+)?(?:better|worse)|healing|recovering)|' +
  'heal(?:s|ed|ing)';
/** Verbs of injury before someone's body part ("burned his hand", "rolled my ankle", "hit her head"). */
const INJURY_VERB =
  'burn(?:ed|t|s)?|scald(?:ed|s)?|cut|sliced|slashed|hurt(?:s|ing)?|injur(?:ed|es|ing)|twist(?:ed|s|ing)?|roll(?:ed|s)?|jam(?:med|s)?|' +
  'smash(?:ed|es)?|crush(?:ed|es)?|strain(?:ed|s)?|bump(?:ed|s)?|hit|bang(?:ed|s)?|whack(?:ed|s)?|slam(?:med|s)?|dislocat(?:ed|es)|' +
  'broke|break(?:s|ing)?|crack(?:ed|s)?|shatter(?:ed|s)?|fractur(?:ed|es)|tore|tear(?:s|ing)?|ripped|blew out|blown out|pulled|wrenched';
const INJURY_BODY =
  'knees?|back|neck|ankles?|feet|foot|legs?|hips?|arms?|hands?|wrists?|shoulders?|elbows?|head|skull|eyes?|ears?|toes?|fingers?|thumbs?|' +
  'jaw|teeth|tooth|nose|ribs?|collarbone|tailbone|spine|pelvis|hamstring|groin|calf|achilles|acl|mcl|meniscus|rotator cuff|face|lip|chin|forehead|' +
  'elbow|shin|heel|palm';
const FALL_NOT = 'festival|fair|party|sale|season|event|fundraiser|special|promo\\w*|open house|drive|clean-?up|harvest|menu|catalog\\w*|collection|semester|term|class(?:es)?|schedule|break|colors|leaves|decor\\w*|weather|flu clinic|vaccine clinic|shot clinic';
const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
/** Each pattern with the words that must occur in a text for it to be tried (so most texts skip most patterns). */
const LAY_SPECS: [RegExp, string][] = [
  // her knee gave out; my ankles swell; Dad's pressure is high; my back is killing me
  [
    new RegExp(`\\b${OWNER}\\s+(?:(?:left|right|bad|good|lower|upper)\\s+)?(?:${BODY})\\s+(?:${SYMPTOM})\\b`, 'gi'),
    BODY,
  ],
  // heart racing / pounding / skipping (not "my heart goes out", "broke my heart")
  [
    /\b(?:my|his|her|their|[a-z]+['’]s)\s+heart(?:beat)?\s+(?:(?:was|is|were|keeps|kept|started|has been|had been|would be|been|goes|went)\s+)?(?:racing|pounding|skipping(?: beats?)?|fluttering|flutters|irregular|out of rhythm|stopped|stopping)\b/gi,
    'heart heartbeat',
  ],
  // burned his hand; rolled my ankle; hit her head (not the "against a wall" idiom, not "twisted my arm" into signing)
  [
    new RegExp(`\\b(?:${INJURY_VERB})\\s+(?:${OWNER})\\s+(?:(?:left|right|own)\\s+)?(?:${INJURY_BODY})\\b(?!\\s+(?:against|on|off)\\s+(?:a|the)\\s+(?:brick\\s+)?wall)(?<!twist\\w*\\s+\\w+\\s+arm|pulled\\s+\\w+\\s+leg|roll\\w*\\s+\\w+\\s+eyes)`, 'gi'),
    INJURY_BODY,
  ],
  // had a fall; took a nasty fall; fell and hit his head; fell down the stairs
  [
    new RegExp(`\\b(?:had|has had|have had|took|taken|takes|suffered|had another|took another)\\s+(?:a|another|two|three|several|a few|a couple of|some|multiple)\\s+(?:(?:bad|nasty|hard|serious|major|little|minor|small|terrible|horrible|big)\\s+)?falls?\\b(?![-‐]|\\s*(?:${FALL_NOT}))`, 'gi'),
    'fall falls',
  ],
  [
    new RegExp(`\\b(?:bad|nasty|hard|serious|terrible|horrible)\\s+falls?\\b(?![-‐]|\\s*(?:${FALL_NOT}))`, 'gi'),
    'fall falls',
  ],
  [
    /\b(?:fell|falling|falls)\s+(?:and\s+(?:hit|broke|hurt|cracked|fractured|bruised|cut|banged|busted|split|injured|smacked)|down\s+(?:the|a|some|two|three)\s+(?:\w+\s+)?(?:stairs|steps)|off\s+(?:a|the|his|her|my|their)\s+(?:ladder|roof|bike|bicycle|horse|bed|couch|chair|scooter|skateboard|trampoline|swing|monkey bars|step ?stool|porch)|out\s+of\s+(?:bed|the bed|his bed|her bed|a chair|his chair|her chair|the shower)|in\s+(?:the|his|her|my)\s+(?:shower|bathroom|tub|bathtub|kitchen)|on\s+the\s+ice)\b/gi,
    'fell falling falls',
  ],
  // uses a walker; needs a cane; gets around in a wheelchair
  [
    /\b(?:uses?|using|used|needs?|needed|needing|with|on|around (?:on|with|in)|relies on|relied on|pushing|push|stuck in|confined to)\s+(?:a|an|her|his|my|their|the)\s+(?:walker|cane|rollator|mobility scooter|power chair|wheelchair|crutches|oxygen tank|oxygen concentrator|hospital bed|commode|hoyer lift|brace|knee brace|back brace|neck brace|sling|boot)\b/gi,
    'walker cane rollator scooter chair wheelchair crutches tank concentrator bed commode lift brace sling boot',
  ],
  // rushed to the ER; ended up in the hospital; took him to urgent care
  [
    /\b(?:went|go|goes|going|gone|rushed|ended up|end up|ending up|wound up|landed|taken|took\s+(?:him|her|me|them|us|my\s+\w+|our\s+\w+)|trips?|sent|brought|drove\s+(?:him|her|me|them|my\s+\w+)|carried|admitted|run|ran|visit|visits|stay|stays|stayed|days?|nights?|weeks?|time)\s+(?:to|in|into|at|from)\s+(?:the\s+)?(?:ER|E\.R\.|emergency room|emergency department|urgent care|ICU|NICU|PICU|hospital|A&E|trauma center|psych ward)\b/gi,
    'er emergency urgent icu nicu picu hospital trauma psych',
  ],
  // I was admitted; got admitted overnight (not "they admitted the mistake")
  [
    /\b(?:was|were|got|been|being|be|get|gets)\s+(?:re-?)?admitted\b(?!\s+(?:that|to\s+(?:college|school|the bar|university)|into\s+(?:college|school)))/gi,
    'admitted readmitted',
  ],
  // he collapsed; she blacked out at work
  [
    new RegExp(`\\b${PERSON}\\s+(?:just\\s+)?(?:collapsed|keeled over|went unconscious|was unconscious|lost consciousness|stopped breathing|turned blue|seized up|started seizing)\\b`, 'gi'),
    'collapsed keeled unconscious consciousness breathing blue seized seizing',
  ],
  // I had a breakdown; she's having a mental breakdown (not "the phone system had a total breakdown")
  [
    new RegExp(`\\b${PERSON}(?:['’]s|['’]ve|\\s+(?:has|have|had|was|is))?\\s+(?:had|having|has had|have had)\\s+(?:a|another)\\s+(?:(?:complete|total|full|full-blown|mental|emotional|nervous|psychotic|manic|little)\\s+)?(?:breakdown|episode|meltdown)\\b`, 'gi'),
    'breakdown episode meltdown',
  ],
  // we're expecting in May; she's expecting again (not "they were expecting me")
  [
    new RegExp(`\\b(?:i['’]?m|i am|we['’]?re|we are|she['’]?s|she is|they['’]?re|they are|(?:${KIN})\\s+is)\\s+(?:now\\s+|finally\\s+|officially\\s+|currently\\s+)?expecting(?:\\s+(?:our|a|my|her|their)\\s+(?:first|second|third|fourth|fifth|\\d+\\w*|baby|little|rainbow|bundle)|\\s+(?:again|twins|triplets|a boy|a girl|a son|a daughter)\\b|(?=\\s*(?:[.!,)]|$))|\\s+in\\s+(?:the\\s+)?(?:spring|summer|fall|autumn|winter|${MONTH})\\b)`, 'gi'),
    'expecting',
  ],
  // I'm due in March; my due date
  [
    new RegExp(`\\b(?:i['’]?m|i am|she['’]?s|she is|we['’]?re|we are|(?:${KIN})\\s+is)\\s+due\\s+(?:in\\s+(?:(?:${MONTH})\\b|(?:a few|a couple of|two|three|four|five|six|\\d+)\\s+(?:weeks|days|months))|(?:${MONTH})\\b|any day|any minute|next (?:week|month)|this (?:week|month)|on the \\d)|\\b(?:my|her|our|wife['’]s|girlfriend['’]s|daughter['’]s)\\s+due date\\b`, 'gi'),
    'due',
  ],
  // shots in my knees; got his shots; the baby's shots
  [
    new RegExp(`\\b(?:shots?|injections?|jabs?)\\s+in\\s+(?:${OWNER})\\s+(?:${INJURY_BODY}|butt|eye|eyes|spine|joints?)\\b`, 'gi'),
    'shot shots injection injections jab jabs',
  ],
  [
    /\b\d+\s+(?:weeks?|wks?|months?)\s+(?:pregnant|along|postpartum|post[- ]op|out from surgery|clean|sober)\b/gi,
    'pregnant along postpartum op surgery clean sober',
  ],
  // pain in my lower back; a lump on her neck; bleeding in the brain (not "a pain in the neck")
  [
    new RegExp(`\\b(?:pains?|aches?|aching|swelling|numbness|tingling|bleeding|rash|lump|lumps|bumps?|sores?|cramping|cramps|spasms?|stiffness|burning|itching|pressure|tightness|weakness|infection|cyst|growth|spots?|mole|clots?|blood clots?|fluid)\\s+(?:in|on|around|under|behind|near|at)\\s+(?:${OWNER}\\s+(?:(?:left|right|lower|upper)\\s+)?(?:${INJURY_BODY}|${BODY}|breasts?|armpits?|brain|colon|ovary|ovaries|uterus|prostate|abdomen|side|belly|butt|bottom)|the\\s+(?:(?:left|right|lower|upper)\\s+)?(?:breasts?|armpits?|lungs?|brain|colon|ovary|ovaries|uterus|prostate|bladder|kidneys?|liver|abdomen|chest|stomach|groin|heart|spine|knees?|hips?|ankles?|joints?|lower back))\\b`, 'gi'),
    'pain pains ache aches aching swelling numbness tingling bleeding rash lump lumps bump bumps sore sores cramping cramps spasm spasms stiffness burning itching pressure tightness weakness infection cyst growth spot spots mole clot clots fluid',
  ],
  // a sore knee; stiff neck; swollen feet; numb hands
  [
    /\b(?:sore|stiff|swollen|aching|achy|bum|busted|injured|twisted|sprained|numb|weak|bruised|infected|throbbing|pulled|torn|dislocated|frozen|arthritic)\s+(?:knees?|back|neck|ankles?|feet|foot|legs?|hips?|shoulders?|elbows?|wrists?|hands?|fingers?|toes?|joints?|muscles?|hamstrings?|groin|calf|calves|jaw|gums|throat|tooth|teeth|ribs?|heel|heels|tendons?|ligaments?)\b/gi,
    'sore stiff swollen aching achy bum busted injured twisted sprained numb weak bruised infected throbbing pulled torn dislocated frozen arthritic',
  ],
  // lost 30 pounds; gained 25 lbs
  [
    /\b(?:lost|gained|losing|gaining|dropped|put on|down|up)\s+(?:about\s+|almost\s+|over\s+|nearly\s+|like\s+)?(?:\d+|a lot of|so much|ten|twenty|thirty|forty|fifty)\s*(?:pounds|lbs?|kilos|kgs?)\b/gi,
    'pounds lbs lb kilos kg kgs',
  ],
  // born at 32 weeks; born premature; delivered our daughter
  [
    /\bborn\s+(?:at\s+\d+\s+weeks|\d+\s+weeks\s+early|(?:\w+\s+)?(?:early|premature|prematurely|preterm|not breathing|blue|with\s+(?:a|an)\s+\w+))\b/gi,
    'born',
  ],
  [
    /\bdelivered\s+(?:our|my|her|his|their|both|the)\s+(?:baby|babies|son|daughter|twins|triplets|first|second|third|little|grandson|granddaughter|rainbow)\b/gi,
    'delivered',
  ],
  // the doctor looked at my knee; x-rayed her ankle; stitched his chin
  [
    new RegExp(`\\b(?:looked at|examined|checked|x-?rayed|scanned|operated on|fixed|set|stitched(?: up)?|wrapped|splinted|casted|treated|drained|numbed|injected|iced|bandaged|cleaned)\\s+(?:${OWNER})\\s+(?:(?:left|right|bad|sore|swollen|broken|injured)\\s+)?(?:${INJURY_BODY}|throat|chest|lungs|stomach|belly|skin|rash|wound|cut|ears?|eyes?)\\b`, 'gi'),
    'looked examined checked x-rayed xrayed x-ray scanned operated fixed set stitched wrapped splinted casted treated drained numbed injected iced bandaged cleaned',
  ],
  // back problems; knee injury; eye issues
  [
    /\b(?:knee|back|neck|hip|shoulder|ankle|foot|feet|eye|ear|stomach|tummy|bowel|bladder|skin|joint|heart|lung|kidney|liver|thyroid|prostate|sinus|hearing|vision|memory|balance|breathing|mobility|leg|hand|wrist|elbow|jaw|tooth|teeth|gum|spine|pelvic|blood)\s+(?:problems?|issues?|injur(?:y|ies)|troubles?|condition|infections?|procedure|operation|repair)\b/gi,
    'problem problems issue issues injury injuries trouble troubles condition infection infections procedure operation repair',
  ],
  // she's in the hospital; Dad was in the ICU; in and out of hospital
  [
    new RegExp(`\\b(?:${PERSON}(?:['’]s|\\s+(?:is|was|are|were|has been|had been|have been|been|ended up|landed))\\s+(?:still\\s+|now\\s+|currently\\s+|back\\s+|already\\s+)?|in and out of\\s+)(?:in\\s+)?(?:the\\s+)?(?:hospital|ICU|ER|NICU|PICU|intensive care|emergency room|psych ward|rehab|hospice)\\b`, 'gi'),
    'hospital icu er nicu picu intensive emergency psych rehab hospice',
  ],
];
/** PT/OT (physical, occupational therapy) in capitals, in a care context and not a time zone ("9am PT"). */
const THERAPY_ABBR_RE =
  /\b(?:(?:to|in|at|from|doing|do|did|does|started|starting|start|finished|finish|more|of|with|for|after|during|outpatient|home|my|his|her|their|our|physical|weeks of|months of)\s+(?:PT|OT)\b(?!\s*(?:time|\d))|(?:PT|OT)\s+(?:for|twice|three times|sessions?|appointments?|appts?|exercises|visits?|evals?|evaluation|referral|clinic|office|is|was|has|helped)\b)/g;

/** Word → bit set of the LAY_SPECS patterns (bit i) it can trigger; bit THERAPY_BIT is "PT"/"OT" in capitals. */
const GATE_OF = new Map<string, number>();
LAY_SPECS.forEach(([, words], i) => {
  for (const alt of words.split(/[|\s]+/)) {
    const w = alt.replace(/\(\?:|[()]/g, '');
    if (!w) continue;
    for (const form of w.endsWith('s?') ? [w.slice(0, -2), w.slice(0, -1)] : [w]) GATE_OF.set(form, (GATE_OF.get(form) ?? 0) | (1 << i));
  }
});
const THERAPY_BIT = 1 << LAY_SPECS.length;

const WORD_RE = /[A-Za-z][A-Za-z0-9'’/-]*[A-Za-z0-9]|[A-Za-z]/g;
/** GENERIC_CONDITION_RE needs one of its head nouns; READING_RE needs a digit or "D&C". */
const GENERIC_HEAD = /disease|failure|syndrome|disorder|insufficiency|infection|injury/i;
const READING_NEED = /[0-9&]/;

// What the word loop makes of one word (it depends on the word alone): `v` 0 nothing, 1 the whole word, 2 the word
// without its "'s"; `low` its lower-case form; `kind` whether it can start a phrase or a specialist mention.
// Looked up once per distinct word; bounded: cleared when full.
interface WordInfo {
  /** 3: a capitalised misspelling, a mention only at a sentence start. */
  v: 0 | 1 | 2 | 3;
  low: string;
  /** The phrases this word can start, longest first. */
  cands: string[][] | undefined;
  /** 1: a word that is health talk once possessed ("my ticker"); 2: a specialist or a two-word specialist's head. */
  special: number;
  /** The LAY_SPECS patterns this word can trigger (bits; see GATE_OF). */
  gate: number;
}
const infoOf = boundedMemo((word: string): WordInfo => {
  let v: 0 | 1 | 2 | 3 = 0;
  const ab = word.replace(/s$/, '');
  const w = word.toLowerCase().replace(/’/g, "'");
  if (ABBREV.has(ab.toUpperCase()) && (ab === ab.toUpperCase() || ab === 'AFib')) v = 1;
  else if (isHealthWord(w)) v = 1;
  else if (w.endsWith("'s") && isHealthWord(w.slice(0, -2))) v = 2;
  // Drug stems and condition families: lower-case words only (a capitalised unknown word is more often a surname,
  // "Nakasone"), and never a known name or everyday word.
  else if (word === w && isMorphologicalHealthWord(w)) v = 1;
  // misspellings in lower case; a capitalised one (3) counts only at a sentence start ("Diabeties runs…", not
  // "Ms. Lantis"); never in capitals
  else if (word === w && isLikelyMisspelling(w, MISSPELT)) v = 1;
  else if (word.slice(1) === w.slice(1) && isLikelyMisspelling(w, MISSPELT)) v = 3;
  const bare = w.endsWith("'s") ? w.slice(0, -2) : w;
  const cands = PHRASES_BY_FIRST.get(w) ?? PHRASES_BY_FIRST.get(bare);
  const special = (POSSESSED.has(w) ? 1 : 0) | (SPECIALIST_WORDS.has(w) || SPECIALIST_HEADS.has(w.replace(/s$/, '')) ? 2 : 0);
  const gate = (GATE_OF.get(bare) ?? 0) | (word === 'PT' || word === 'OT' ? THERAPY_BIT : 0);
  return { v, low: w, cands, special, gate };
});

/** Lexicon words that the next words turn back into everyday English ("sick of waiting", "wheelchair accessible"). */
const NOT_FOLLOWED_BY = new Map<string, RegExp>([
  ['sick', /^\s+(?:of\b|and\s+tired\b|to\s+death\s+of\b)/i],
  ['ill', /^[\s-]+(?:will|manner(?:s|ed)|repute|advised|informed|equipped|prepared|served|timed|suited|tempered|mannered)\b/i],
  ['wheelchair', /^[\s-]+(?:accessible|accessibility|access|ramps?|friendly|parking|van|entrance|spaces?|spots?|lifts?)\b/i],
  ['rehab', /^\s+(?:of|on)\s+(?:the|our|this|that|their)\s+(?:building|office|lobby|space|property|house|kitchen|clinic|parking)\b/i],
  ['radiation', /^\s+(?:warning|signs?|safety|badges?|symbols?)\b/i],
  ['unconscious', /^\s+bias/i],
  ['deaf', /^\s+ears?\b/i],
  ['wound', /^\s+(?:up|down|tight|around)\b/i],
  ['disability', /^\s+(?:insurance|claims?|forms?|paperwork)\b/i],
]);

/** Nothing but sentence punctuation (not a title's period: "Ms. Lantis") before position `i`. */
function sentenceStart(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 8), i);
  return i === 0 || (/[.!?\n]\s*$/.test(before) && !/\b(?:mr|mrs|ms|mx|dr|prof|st|sr|jr)\.\s*$/i.test(before)) || /^\s+$/.test(text.slice(0, i));
}

const PART_RE = /[A-Za-z0-9]+(?:['’][A-Za-z]+)?/g;

export function findHealth(text: string): Entity[] {
  const out: Entity[] = [];
  let m: RegExpExecArray | null;
  // One pass over the words: single-word terms, and the tokens for the phrase and specialist pass.
  const toks: PTok[] = [];
  const hits: number[] = [];
  let gates = 0;
  WORD_RE.lastIndex = 0;
  while ((m = WORD_RE.exec(text))) {
    const word = m[0];
    const info = infoOf(word);
    gates |= info.gate;
    if (info.v !== 0 && (info.v !== 3 || sentenceStart(text, m.index))) {
      const nf = NOT_FOLLOWED_BY.get(info.low);
      if (nf === undefined || !nf.test(text.slice(m.index + word.length, m.index + word.length + 40)))
        out.push({ type: 'health', start: m.index, end: m.index + word.length - (info.v === 2 ? 2 : 0) });
    }
    if (word.includes('-') || word.includes('/')) {
      // "c-section", "ob-gyn", "non-stress": phrases see the parts
      PART_RE.lastIndex = 0;
      let p: RegExpExecArray | null;
      while ((p = PART_RE.exec(word))) {
        const pi = infoOf(p[0]);
        gates |= pi.gate;
        if (pi.cands || pi.special) hits.push(toks.length);
        toks.push({ low: pi.low, start: m.index + p.index, end: m.index + p.index + p[0].length, info: pi });
      }
    } else {
      if (info.cands || info.special) hits.push(toks.length);
      toks.push({ low: info.low, start: m.index, end: m.index + word.length, info });
    }
  }
  if (hits.length > 0) findPhrases(text, toks, hits, out);
  BODY_EVENT_RE.lastIndex = 0;
  while ((m = BODY_EVENT_RE.exec(text))) out.push({ type: 'health', start: m.index, end: m.index + m[0].length });
  if (READING_NEED.test(text)) {
    READING_RE.lastIndex = 0;
    while ((m = READING_RE.exec(text))) out.push({ type: 'health', start: m.index, end: m.index + m[0].length });
  }
  if (GENERIC_HEAD.test(text)) {
    GENERIC_CONDITION_RE.lastIndex = 0;
    while ((m = GENERIC_CONDITION_RE.exec(text))) out.push({ type: 'health', start: m.index, end: m.index + m[0].length });
  }
  if (gates !== 0) {
    for (let i = 0; i < LAY_SPECS.length; i++) {
      if ((gates & (1 << i)) === 0) continue;
      const re = LAY_SPECS[i]![0];
      re.lastIndex = 0;
      while ((m = re.exec(text))) out.push({ type: 'health', start: m.index, end: m.index + m[0].length });
    }
  }
  if ((gates & THERAPY_BIT) !== 0) {
    THERAPY_ABBR_RE.lastIndex = 0;
    while ((m = THERAPY_ABBR_RE.exec(text))) {
      const a = /(?:PT|OT)/.exec(m[0])!;
      out.push({ type: 'health', start: m.index + a.index, end: m.index + a.index + 2 });
    }
  }
  EPONYM_RE.lastIndex = 0;
  while ((m = EPONYM_RE.exec(text))) out.push({ type: 'health', start: m.index, end: m.index + m[0].length });
  DIAGNOSED_RE.lastIndex = 0;
  while ((m = DIAGNOSED_RE.exec(text))) {
    const obj = m[1]!;
    const s = m.index + m[0].length - obj.length;
    // Only the first word unless the next words are lower-case continuations of a condition name.
    const words = obj.split(/\s+/);
    const stop = /^(and|but|in|at|on|last|this|by|from|the|a|an|her|his|my|their|our|was|is|so|which|who|after|before|since|when|,)$/i;
    let len = 0;
    let count = 0;
    for (const w of words) {
      if (stop.test(w) || /^(?:like|such|as|for|with|who|whose|and|or|here|there|now|today|again|still)$/i.test(w.replace(/[.,!?;:]+$/, ''))) break;
      if (count > 0 && /^[A-Z]/.test(w) && !isHealthWord(w.toLowerCase())) break;
      len = len === 0 ? w.length : len + 1 + w.length;
      if (++count >= 3) break;
    }
    if (len > 0) out.push({ type: 'health', start: s, end: s + len });
  }
  return out;
}

/** True when the lower-cased word alone is a health term (used to keep drug brands from becoming names). */
export function isHealthTerm(word: string): boolean {
  return isHealthWord(word.toLowerCase());
}
