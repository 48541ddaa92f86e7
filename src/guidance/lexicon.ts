// Word lists for the reply checker. Lower-case; regex alternatives are word-bounded by the caller.

/** Specific health words: conditions, symptoms, procedures, drugs, tests. Generic words (care, health, medical,
 * treatment, condition, visit) are deliberately absent: safe replies use them. */
export const HEALTH_TERMS: readonly string[] = [
  // conditions
  'diabetes', 'diabetic', 'prediabetes', 'cancer', 'tumou?r', 'chemo(?:therapy)?', 'radiation therapy', 'leukemia', 'lymphoma',
  'melanoma', 'hiv', '(?<!hearing )aids', 'hepatitis(?: [abc])?', 'std', 'stds', 'sti', 'stis', 'herpes', 'chlamydia', 'gonorrhea', 'syphilis',
  'hpv', 'covid(?:-19)?', 'flu', 'influenza', 'pneumonia', 'bronchitis', 'asthma', 'copd', 'strep(?: throat)?', 'infections?',
  'infected', 'uti', 'sinusitis', 'hypertension', 'high blood pressure', 'blood pressure', 'cholesterol', 'heart attack',
  'heart disease', 'stroke', 'arrhythmia', 'afib', 'a-fib', 'epilepsy', 'seizures?', 'migraines?', 'concussion',
  'depression', 'depressed', 'bipolar', 'schizophreni[ac]', 'ptsd', 'adhd', 'autism', 'autistic', 'ocd', 'anorexia', 'bulimia',
  'eating disorder', 'anxiety disorder', 'panic attacks?', 'addiction', 'addicted', 'substance use', 'alcoholism', 'overdose',
  'suicidal', 'suicide attempt', 'self-harm', 'dementia', 'alzheimer\'?s?', 'parkinson\'?s?', 'arthritis', 'osteoporosis',
  'fibromyalgia', 'lupus', 'crohn\'?s', 'colitis', 'ibs', 'celiac', 'gerd', 'reflux', 'ulcers?', 'hernia', 'gallstones?',
  'kidney stones?', 'kidney disease', 'dialysis', 'thyroid', 'hypothyroidism', 'anemia', 'obesity', 'allergy', 'allergies',
  'allergic', 'anaphylaxis', 'eczema', 'psoriasis', 'acne', 'rash', 'rashes', 'hives', 'shingles', 'measles', 'mono',
  'pregnant', 'pregnancy', 'miscarriage', 'abortion', 'infertility', 'ivf', 'erectile dysfunction', 'menopause',
  'endometriosis', 'pcos', 'cavity', 'cavities', 'gum disease', 'gingivitis', 'periodontitis', 'abscess', 'tooth decay',
  'fracture', 'fractured', 'broken (?:arm|leg|wrist|ankle|bone|rib|nose|tooth)', 'sprain', 'sprained', 'torn (?:acl|meniscus|ligament)',
  'glaucoma', 'cataracts?', 'macular degeneration',
  // symptoms
  'chest pain', 'back pain', 'tooth ?ache', 'toothache', 'headaches?', 'fever', 'nausea', 'vomiting', 'diarrh(?:o)?ea',
  'bleeding', 'swelling', 'swollen', 'bruising', 'numbness', 'dizziness', 'dizzy', 'shortness of breath', 'cough(?:ing)?',
  'sore throat', 'lump', 'mole', 'spotting', 'cramping', 'side effects?', 'blood sugar', 'a1c',
  // procedures, tests
  'root canal', 'extraction', 'wisdom teeth', 'crowns?', 'fillings?', 'implants?', 'dentures?', 'braces', 'biopsy',
  'colonoscopy', 'endoscopy', 'mammogram', 'pap smear', 'ultrasound', 'x-?rays?', 'mri', 'ct scan', 'cat scan', 'ekg', 'ecg',
  'blood test', 'blood work', 'bloodwork', 'lab results', 'test results', 'biopsy results', 'vasectomy', 'hysterectomy',
  'c-section', 'stitches', 'sutures', 'cast', 'physical therapy', 'vaccinat(?:ion|ed)', 'vaccines?', 'flu shot', 'booster',
  'injections?', 'botox', 'filler', 'surgery', 'surgeries', 'operation', 'anesthesia', 'sedation', 'cleaning',
  'physical exam', 'pelvic exam', 'prenatal', 'postpartum', 'rehab', 'therapy session', 'counseling session',
  // drugs
  'ibuprofen', 'advil', 'motrin', 'aleve', 'naproxen', 'tylenol', 'acetaminophen', 'aspirin', 'benadryl', 'antibiotics?',
  'amoxicillin', 'penicillin', 'azithromycin', 'z-pack', 'prednisone', 'steroids?', 'insulin', 'metformin', 'ozempic',
  'wegovy', 'semaglutide', 'adderall', 'xanax', 'zoloft', 'prozac', 'lexapro', 'oxycodone', 'opioids?', 'hydrocodone',
  'vicodin', 'percocet', 'tramadol', 'gabapentin', 'lisinopril', 'statins?', 'birth control', 'antidepressants?',
  'controlled substances?', 'alcohol use', 'alcohol abuse', 'drug use', 'smoking cessation', 'painkillers?', 'pain medication', 'pain meds', 'narcotics?', 'suboxone', 'methadone', 'inhaler', 'epipen',
];

/** Words that never count as "echoing the post": stopwords and the ordinary vocabulary of safe replies. */
export const ECHO_IGNORE: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anyone anything are as at be because been before being below
  between both but by can cannot could did do does doing down during each either else even ever every everyone few for from
  further get gets got had has have having he her here hers herself him himself his how however i if in into is it its itself
  just let like made make many may me might more most much must my myself near need no nor not now of off on once one only
  or other others our ours ourselves out over own per please quite rather really same see seem she should since so some
  something still such than that the their theirs them themselves then there these they this those though through to too
  under until up upon us very via was we were what whatever when where whether which while who whom whose why will with
  within without would yet you your yours yourself yourselves
  im ive id ill its dont doesnt didnt cant wont isnt arent wasnt werent havent hasnt hadnt couldnt wouldnt shouldnt youre
  weve were theyre thats theres lets
  thank thanks thankful grateful appreciate appreciated appreciates sharing share shared taking take took time feedback
  comment comments review reviews reviewed post posted message messages note experience experiences concern concerns
  concerned issue issues matter matters situation hear heard hearing sorry apologize apologise apologies regret
  unfortunate disappointed disappointing frustrating frustration frustrated upset unhappy happy glad pleased welcome
  office offices practice clinic team staff manager managers doctor doctors provider providers physician physicians
  nurse nurses patient patients people person everyone anyone someone family families community
  care caring cared health healthcare medical clinical service services quality standard standards best better good great
  well high highest important serious seriously priority committed commitment dedicated strive aim goal always never
  every individual individuals privacy private privately confidential confidentiality law laws federal rules policy
  policies information details detail specific specifics discuss discussing discussed publicly public online internet
  social media site sites platform forum setting here directly direct personally person contact contacted contacting
  call calls calling called phone reach reaching reached email e-mail mail number line speak speaking talk talking chat
  learn learning know understand understanding listen listening improve improving improvement better help helping
  helped support resolve resolving resolution address addressing addressed opportunity chance look looking forward
  soon possible able unable available day days week hours hour business today
  respond response responding reply replies answer answers question questions ask asking inquiry inquiries
  visit visiting visits appointment appointments concerns feel feeling felt want wanted wish hope hoping think thought
  way ways work working worked keep kept continue ensure sure make making made give given going come coming go
  said says say told tell new next last first also again much many lot lots bit little
  dear hello hi hey regards sincerely warm warmly best kind kindly truly yours sir madam
  back list listed listing current date updated update accurate accuracy correct correction words delighted proud
  inconvenience trust patience suggestion suggestions perspective input value valued values respect respectful courteous
  courtesy compassionate comfortable expectation expectations expected fall fell short meet met member members receive
  received department rating star stars five thoughts conversation convenience moment honest lovely wonderful thrilled
  form forms website site page online emergency right away pass along together dignity deeply loss schedule scheduling accepted mean means lot read reading writing wrote write
  ms mr mrs dr`.split(/\s+/).filter(Boolean),
);
