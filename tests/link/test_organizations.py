"""Organisation facts (``pipeline.link.organizations``), one French construction per row.

``organization_facts``: (text, the set of (model, organisation, finder)); each finder of
``FINDERS`` alone on its own construction; ``find_orgs``: the organisations a text names."""
from __future__ import annotations

import pytest

from pipeline.link import organizations
from pipeline.link.organizations import FINDERS, Scope, find_orgs, organization_facts

CASES = [
    ("Le GPT-4o d'OpenAI est disponible.", {("GPT-4o", "OpenAI", "genitive")}),
    ("Grok 4.1 de la société xAI est sorti.", {("Grok 4.1", "xAI", "genitive")}),
    ("Les modèles GPT-4 et GPT-3.5 d'OpenAI sont comparés.",
     {("GPT-4", "OpenAI", "genitive"), ("GPT-3.5", "OpenAI", "genitive")}),
    # the genitive closes a list of one family only
    ("GPT-4o, DeepSeek-V3 et Llama 3.1 de Meta sont comparés.", {("Llama 3.1", "Meta", "genitive")}),
    ("Qwen 2.5 (Alibaba) est ouvert.", {("Qwen 2.5", "Alibaba", "parenthesis")}),
    # past sizes or variants of its own: « Llama 3 (8B / 70B) (Meta) », « Command R / R+ (Cohere) »
    ("- Llama 3 (8B / 70B) (Meta)\n- Command R / R+ (Cohere)",
     {("Llama 3", "Meta", "parenthesis"), ("Command R", "Cohere", "parenthesis")}),
    ("GPT-4o (ou Claude 3) (Anthropic) domine.", set()),  # an aside that names another model
    ("OpenAI (GPT-4.5) domine.", {("GPT-4.5", "OpenAI", "parenthesis")}),
    ("OpenAI (avec o3) et Anthropic (Claude Opus 4) dominent.",
     {("o3", "OpenAI", "parenthesis"), ("Claude Opus 4", "Anthropic", "parenthesis")}),
    ("Microsoft (avec GPT-4) et Amazon (Claude 3) investissent.", set()),  # partners the lexicon contradicts
    ("Google DeepMind (Gemini 2.0) et Amazon (Claude 3) investissent.",  # a team of the maker the lexicon gives
     {("Gemini 2.0", "Google DeepMind", "parenthesis")}),
    ("Grok 4, le nouveau modèle phare d'xAI, est sorti.", {("Grok 4", "xAI", "apposition")}),
    ("DeepSeek a surpris. Son modèle phare, baptisé DeepSeek-R1, est gratuit.", {("DeepSeek-R1", "DeepSeek", "possessive")}),
    ("Gemini 3 Pro est la dernière innovation de Google.", {("Gemini 3 Pro", "Google", "apposition")}),
    ("Gemini 2.5 Pro : L’IA de Google établit un record", {("Gemini 2.5 Pro", "Google", "apposition")}),
    ("GPT-4o, l'IA d'OpenAI, est sortie.", {("GPT-4o", "OpenAI", "apposition")}),
    # not past another family's model: the genitive is that one's
    ("Meta a présenté Llama 2, la seconde version de son modèle concurrent du célèbre GPT-4 de OpenAI.",
     {("Llama 2", "Meta", "launch"), ("GPT-4", "OpenAI", "genitive")}),
    ("GPT-5 — la dernière version du modèle d’OpenAI — est sortie.", {("GPT-5", "OpenAI", "apposition")}),
    # a list's item: the name, a dash, its maker and nothing else
    ("Exemple de modèles : Codestral 2501 – Mistral, LLaMA 3 – Meta", {("Codestral 2501", "Mistral AI", "dashed"), ("LLaMA 3", "Meta", "dashed")}),
    ("- GPT-4o – OpenAI\n- Claude 3 Opus – Anthropic", {("GPT-4o", "OpenAI", "dashed"), ("Claude 3 Opus", "Anthropic", "dashed")}),
    ("GPT-4o – OpenAI le promet – reste en tête.", set()),  # (more words after the maker)
    ("Le duel GPT-4o - Google.", set()),  # (a maker the lexicon does not allow)
    ("xAI a rendu open source Grok-1 en mars.", {("Grok-1", "xAI", "launch")}),
    ("GPT-3, issu de l’entreprise OpenAI, débite des milliards de mots.", {("GPT-3", "OpenAI", "made_by")}),
    # models of an organisation, then the names after « comme », a dash, « y compris », a parenthesis
    # (not a name the lexicon gives to another maker)
    ("Les modèles avancés de Mistral, comme Mistral Large, sont payants.", {("Mistral Large", "Mistral AI", "colon_list")}),
    ("Il compare aux modèles d’OpenAI, y compris GPT-4o et GPT-3.5.", {("GPT-4o", "OpenAI", "colon_list"), ("GPT-3.5", "OpenAI", "colon_list")}),
    ("Les modèles d’OpenAI, comme GPT-4o et Claude 3, dominent.", {("GPT-4o", "OpenAI", "colon_list")}),
    ("Le Chat utilise des modèles appartenant à Mistral, notamment Mistral Large et Mistral Small.",
     {("Mistral Large", "Mistral AI", "colon_list"), ("Mistral Small", "Mistral AI", "colon_list")}),
    ("OpenAI sort deux versions de son modèle linguistique d’IA GPT-4.1.", {("GPT-4.1", "OpenAI", "launch")}),
    ("Mistral AI propose ses modèles « commerciaux » Mistral Large et Mistral Small.",
     {("Mistral Large", "Mistral AI", "possessive"), ("Mistral Small", "Mistral AI", "possessive")}),
    ("OpenAI est un grand nom de l'IA, mais ses modèles précédents (GPT-3.5, DALL-E) ont vieilli.",
     {("GPT-3.5", "OpenAI", "possessive"), ("DALL-E", "OpenAI", "possessive")}),
    ("La dernière version GPT-4.5 (série o) d’OpenAI est sortie.", {("GPT-4.5", "OpenAI", "genitive")}),
    ("Gemini 3 désigne la dernière génération de modèles d'intelligence artificielle développés par Google DeepMind.",
     {("Gemini 3", "Google DeepMind", "made_by")}),
    # a fronted « Conçu par … », then a pronoun: the model in focus, when the makers are the lexicon's
    ("La Suisse se dote d’un modèle de langage baptisé Apertus. Conçu par l’EPFL et l’ETH Zurich, il incarne une approche ouverte.",
     {("Apertus", "EPFL", "fronted_made_by"), ("Apertus", "ETH Zurich", "fronted_made_by")}),
    ("Le modèle o3 a été testé sur ARC-AGI. Conçu en 2019 par François Chollet, il teste le raisonnement.", set()),
    ("Kyutai est parti d’un LLM maison (Helium) à 7 milliards de paramètres.", {("Helium", "Kyutai", "house")}),
    ("Voir la fiche Hugging Face Devstral 2.", set()),  # (a hub before the name: not its maker, the lexicon says)
    ("Meta avait lancé la quatrième génération de sa famille Llama, comprenant les modèles à poids ouverts Llama 4 Scout et Llama 4 Maverick.",
     {("Llama", "Meta", "launch"), ("Llama 4 Scout", "Meta", "launch"), ("Llama 4 Maverick", "Meta", "launch")}),
    ("Meta a donné un aperçu de Llama 4 Behemoth.", {("Llama 4 Behemoth", "Meta", "launch")}),
    ("Meta a déjà lancé deux versions plus légères du Llama 4, baptisées Scout et Maverick.",
     {("Llama 4", "Meta", "launch"), ("Llama 4 Scout", "Meta", "launch"), ("Llama 4 Maverick", "Meta", "launch")}),
    ("Gemma est une famille de modèles ouverts, légers et à la pointe de la technologie de Google.", {("Gemma", "Google", "made_by")}),
    ("Gemma est une famille de modèles ouverts, légers et à la pointe de la technologie.", set()),
    ("Mistral a officialisé Magistral Small & Medium.", {("Magistral Small", "Mistral AI", "launch"), ("Magistral Medium", "Mistral AI", "launch")}),
    ("Le modèle Llama 3 prévu par Meta sera plus grand.", {("Llama 3", "Meta", "made_by")}),
    ("Claude, chatbot de deuxième génération développé par la startup californienne Anthropic, arrive.",
     {("Claude", "Anthropic", "made_by")}),
    ("Llama 3, issu de Llama 2, est meilleur.", set()),
    ("Sora, l’alternative proposée par OpenAI, reste limitée.", {("Sora", "OpenAI", "made_by")}),
    ("Lucie, l’intelligence artificielle française développée par Linagora et le CNRS, a été lancée.",
     {("Lucie", "Linagora", "made_by"), ("Lucie", "CNRS", "made_by")}),
    ("Le laboratoire a présenté un modèle de langage appelé Hélium, lui aussi développé par Kyutai.",
     {("Hélium", "Kyutai", "made_by")}),
    # a pronoun opening the sentence stands for the organisation the sentence before opens on
    ("Mistral AI s’était focalisée sur le texte. Elle annonce son entrée dans la voix avec ses nouveaux modèles "
     "Voxtral Mini et Voxtral Small.", {("Voxtral Mini", "Mistral AI", "possessive"), ("Voxtral Small", "Mistral AI", "possessive")}),
    # a launch that names no model, then the names the next sentence gives (« une paire de modèles », « mis au point »)
    ("L'EPFL a mis au point une paire de grands modèles de langage. Baptisés Meditron 7B et 70B, ils sont open source.",
     {("Meditron 7B", "EPFL", "named_after")}),
    ("Mistral Large 3 est le nouveau champion de Mistral AI.", {("Mistral Large 3", "Mistral AI", "apposition")}),
    # a fronted gerund of launch, the organisation after the comma; not against the lexicon
    ("En lançant GPT-5, OpenAI a réintroduit GPT-4o.", {("GPT-5", "OpenAI", "fronted_launch")}),
    ("En dévoilant Qwen3 et QwQ-32B, Alibaba frappe fort.",
     {("Qwen3", "Alibaba", "fronted_launch"), ("QwQ-32B", "Alibaba", "fronted_launch")}),
    ("En lançant Llama 4, Microsoft a innové.", set()),
    ("Grâce à son nouveau modèle o3, OpenAI domine le classement.", {("o3", "OpenAI", "fronted_launch")}),
    ("Avec Gemini 3, Google accélère.", set()),  # no possessive: a model it may only use
    ("Avec son modèle GPT-4, Microsoft domine.", set()),
    # the company of a leader or the parent of a brand launches: « le groupe de Mark Zuckerberg »
    ("Le groupe de Mark Zuckerberg a dévoilé Llama 4 Scout.", {("Llama 4 Scout", "Meta", "launch")}),
    ("Les ingénieurs de Mistral AI ont conçu Magistral Small 1.2.", {("Magistral Small 1.2", "Mistral AI", "launch")}),
    ("Un nouveau modèle nommé Qwen2.5-Max vient d'être lancé par Alibaba.", {("Qwen2.5-Max", "Alibaba", "made_by")}),
    ("Conçu par Anthropic, une entreprise fondée par d'anciens membres d'OpenAI, Claude 3 n'est pas un concurrent de plus.",
     {("Claude 3", "Anthropic", "fronted_made_by")}),
    # a leader is no company, save as « le groupe de … » or beside the company's name
    ("Parmi les concurrents : Bard de Google et le Grok 2 d'Elon Musk.", {("Bard", "Google", "genitive")}),
    ("Alors qu'OpenAI s'apprête à dévoiler GPT-5, Elon Musk lâche Grok 3.", {("GPT-5", "OpenAI", "launch")}),
    ("xAi et Elon Musk ont dévoilé Grok 4.", {("Grok 4", "xAI", "launch")}),
    ("La société mère de Facebook vient d'annoncer Llama 4 Maverick.", {("Llama 4 Maverick", "Meta", "launch")}),
    # each organisation with its model; not a partner the lexicon contradicts
    ("Les géants suivent : OpenAI avec GPT-4o et Google avec Gemini Ultra.",
     {("GPT-4o", "OpenAI", "paired_with"), ("Gemini Ultra", "Google", "paired_with")}),
    ("Microsoft avec GPT-4 équipe Bing.", set()),
    ("En testant GPT-5, Anthropic a vu des failles.", set()),
    ("Google Gemini 2.5 Pro est disponible.", {("Gemini 2.5 Pro", "Google", "prefix")}),
    ("Grok 3, développé par xAI, est sorti.", {("Grok 3", "xAI", "made_by")}),
    # a possessive in a clause whose subject is an organisation; the names listed after a possessive's first
    ("Gemini 3 Pro de Google se distingue, tandis qu’OpenAI fait face à des défis avec son modèle GPT-5.2.",
     {("Gemini 3 Pro", "Google", "genitive"), ("GPT-5.2", "OpenAI", "clause_possessive")}),
    ("Gemini 3 Pro de Google se distingue, tandis qu’OpenAI critique son modèle Gemini 3 Pro.",
     {("Gemini 3 Pro", "Google", "genitive")}),
    ("Les avancées dans le domaine de l'intelligence artificielle (IA) sont impressionnantes, et Google est en "
     "première ligne avec Med-PaLM son nouveau chatbot médical.", {("Med-PaLM", "Google", "clause_possessive")}),
    ("Les avancées dans le domaine de l'intelligence artificielle (IA) sont impressionnantes, et Google compare "
     "Med-PaLM 2 à GPT-4, son rival.", set()),
    ("Google sécurise le top 5 avec ses modèles Gemini 3 Pro et Flash.",
     {("Gemini 3 Pro", "Google", "possessive"), ("Gemini 3 Flash", "Google", "possessive")}),
    # a name listed after a launched one, of another maker: another clause
    ("Meta a lancé son modèle Llama 3 et GPT-4o est resté devant.", {("Llama 3", "Meta", "launch")}),
    # makers listed first, their models « respectifs » or « respectivement » after
    ("Anthropic et Google se distinguent avec leurs modèles respectifs, Claude 3 et Gemini 2.",
     {("Claude 3", "Anthropic", "made_by_respectively"), ("Gemini 2", "Google", "made_by_respectively")}),
    ("OpenAI et Google ont présenté respectivement GPT-5 et Gemini 3 Pro.",
     {("GPT-5", "OpenAI", "made_by_respectively"), ("Gemini 3 Pro", "Google", "made_by_respectively")}),
    ("Anthropic et Google se distinguent face à Claude 3 et Gemini 2.", set()),
    ("Tandis qu’OpenAI recule, Anthropic et Google brillent avec leurs modèles respectifs, Claude 3 et Gemini 2.",
     {("Claude 3", "Anthropic", "made_by_respectively"), ("Gemini 2", "Google", "made_by_respectively")}),
    # the variants a parenthesis names right after the launched family
    ("Meta a lancé Llama 4 (Scout, Maverick) : des modèles multimodaux.",
     {("Llama 4", "Meta", "launch"), ("Llama 4 Scout", "Meta", "launch"), ("Llama 4 Maverick", "Meta", "launch")}),
    ("Meta a lancé Llama 4 (comme GPT-4o) hier.", {("Llama 4", "Meta", "launch")}),
    # « est le créateur de »; a maker in parentheses after names joined by slashes
    ("OpenAI est le créateur de ChatGPT et des modèles GPT-3.5, GPT-4 et GPT-4o.",
     {("GPT-3.5", "OpenAI", "launch"), ("GPT-4", "OpenAI", "launch"), ("GPT-4o", "OpenAI", "launch")}),
    ("- Claude 3 Opus / Sonnet / Haiku (Anthropic)",
     {("Claude 3 Opus", "Anthropic", "parenthesis"), ("Claude 3 Sonnet", "Anthropic", "parenthesis"),
      ("Claude 3 Haiku", "Anthropic", "parenthesis")}),
    ("- Claude 3 Opus, Gemini 1.5 Pro (Google)", {("Gemini 1.5 Pro", "Google", "parenthesis")}),
    # names in quotes, listed
    ("OpenAI publie 'gpt-oss-120b' et 'gpt-oss-20b', deux modèles ouverts.",
     {("gpt-oss-120b", "OpenAI", "launch"), ("gpt-oss-20b", "OpenAI", "launch")}),
    # a model in an aside after the organisation the sentence opens on (not another maker's)
    ("Google, avec Gemini 2.5 Pro, n’est pas en reste.", {("Gemini 2.5 Pro", "Google", "with_aside")}),
    ("Microsoft, avec GPT-4o, domine le marché.", set()),
    # the name the sentence gives to its organisation subject's model
    ("Mistral AI teste actuellement un nouveau large language model (LLM) nommé Mistral Next.",
     {("Mistral Next", "Mistral AI", "names_its_model")}),
    ("Meta, qui a battu le modèle nommé GPT-4o, lance un nouveau modèle.", set()),
    # the name in apposition right after an organisation's model
    ("Un autre modèle de Google, Gemini-Exp-1114, occupe la troisième position.",
     {("Gemini-Exp-1114", "Google", "genitive_apposition")}),
    ("La dernière itération du modèle d’Anthropic, Claude 2.1, est sortie.", {("Claude 2.1", "Anthropic", "genitive_apposition")}),
    ("Le succès de Google, Gemini 3 Pro, surprend.", set()),
    ("Le troisième modèle d'Archipel IA, baptisé « Molène 1 », arrive.", {("Molène 1", "Archipel IA", "genitive_apposition")}),
    # « ses modèles phares tels que A, B et C »
    ("OpenAI domine le classement avec ses modèles phares tels que GPT-4, o4-mini et o3.",
     {("GPT-4", "OpenAI", "possessive"), ("o4-mini", "OpenAI", "possessive"), ("o3", "OpenAI", "possessive")}),
    # a relative clause whose verb launches the name it hangs on
    ("GPT-4o surpasse Llama 3 que Meta a lancé en avril.", {("Llama 3", "Meta", "launch")}),
    ("Llama 3 que les utilisateurs ont lancé hier fonctionne.", set()),
    # an organisation in an aside between the subject and its verb is not the subject
    ("MiniMax (également connu sous le nom de Xiyu Technology) a officiellement lancé MiniMax-M1.",
     {("MiniMax-M1", "MiniMax", "launch")}),
    # a relative clause on the organisation
    ("OpenAI, qui avait dévoilé un mois plus tôt GPT-4o, réplique.", {("GPT-4o", "OpenAI", "launch")}),
    ("OpenAI, qui avait critiqué un mois plus tôt GPT-4o, réplique.", set()),
    # the subject's apposition between commas before the launch verb
    ("Le 20 janvier, une start-up chinoise jusqu’alors méconnue, DeepSeek, a lancé son modèle d’IA, DeepSeek-R1.",
     {("DeepSeek-R1", "DeepSeek", "launch")}),
    ("Le modèle de Google, plus lent, a lancé la mode de Llama 3.", set()),
    # a table flattened with no cell separators: the maker's cell glued to the name (never in prose)
    ("ModèleFournisseurContexte\nClaude Opus 4Anthropic200K tokens\nGPT-4oOpenAI128K tokens",
     {("Claude Opus 4", "Anthropic", "glued_maker"), ("GPT-4o", "OpenAI", "glued_maker")}),
    ("GPT-4o OpenAI est bon.", set()),
    # a tier in quotes before the genitive; « le véritable fer de lance de »
    ("GPT-5.2 « High » d’OpenAI est deuxième.", {("GPT-5.2", "OpenAI", "genitive")}),
    ("Grok 4 Heavy, le véritable fer de lance de xAI, est sorti.", {("Grok 4 Heavy", "xAI", "apposition")}),
    # « au sein de », in parentheses; an apposition « le dernier-né de », or with no determiner
    ("GPT-3 a été développé au sein d'OpenAI.", {("GPT-3", "OpenAI", "made_by")}),
    ("Des modèles comme Llama 4 (développé par Meta) progressent.", {("Llama 4", "Meta", "made_by")}),
    ("GPT-5, le dernier-né d’OpenAI, est sorti.", {("GPT-5", "OpenAI", "apposition")}),
    ("GPT-4o, modèle le plus avancé d'OpenAI, est gratuit.", {("GPT-4o", "OpenAI", "apposition")}),
    ("GPT-4o, selon les tests internes du modèle d'OpenAI, est bon.", set()),
    # a definition (« est une famille de modèles … développés par »), a label's colon
    ("Claude est une série de grands modèles de langage développés par Anthropic.", {("Claude", "Anthropic", "made_by")}),
    ("LaMDA (Language Model for Dialogue Applications) est une famille de modèles développés par Google.",
     {("LaMDA", "Google", "made_by")}),
    ("- BERT: Conçu par Google, ce modèle transforme le langage.", {("BERT", "Google", "made_by")}),
    # the models a plural introduces, made by one organisation, listed right after it
    ("Les modèles de langage conçus par Anthropic, Claude 3 Opus et Claude 3 Sonnet, reculent.",
     {("Claude 3 Opus", "Anthropic", "made_by_listed"), ("Claude 3 Sonnet", "Anthropic", "made_by_listed")}),
    ("Les modèles développés par Google, comme Gemini 1.5 Pro, progressent.", set()),
    ("Les modèles conçus par Google et Meta, Gemini 1.5 Pro et Llama 3, progressent.", set()),
    ("Codestral, développé par Mistral AI et Nvidia, est sorti.",
     {("Codestral", "Mistral AI", "made_by"), ("Codestral", "Nvidia", "made_by")}),
    # an organisation the lexicon does not know, after « conçu par » (one is named the sentence before)
    ("Meta a publié Llama 3. Grok 3 a été conçu par Basalte Research.",
     {("Llama 3", "Meta", "launch"), ("Grok 3", "Basalte Research", "made_by")}),
    ("Présenté mardi par le laboratoire xAI, Grok-3 surpasse ses rivaux.", {("Grok-3", "xAI", "fronted_made_by")}),
    # « ce modèle »: the model in focus, in a sentence that names none
    ("DeepSeek-V2 est un modèle MoE. Conçu par la startup DeepSeek AI, ce modèle a marqué un tournant.",
     {("DeepSeek-V2", "DeepSeek", "fronted_made_by")}),
    ("DeepSeek-V2 est un modèle MoE. Conçu par la startup DeepSeek AI, le site a marqué un tournant.", set()),
    ("OpenAI a lancé o3. Conçu en 2019 par la société Basalte Labs, il teste la logique.", {("o3", "OpenAI", "launch")}),
    # after a colon, the apposition of a title
    ("Claude 3 : le nouveau modèle IA d’Anthropic rivalise avec GPT-4.", {("Claude 3", "Anthropic", "apposition")}),
    # « ce nouveau modèle de Google »: the model in focus named by its maker; not when another model is named
    ("Gemma 3 est sorti. Tout d’abord, ce nouveau modèle de Google surpasse les modèles plus grands.",
     {("Gemma 3", "Google", "anaphor_genitive")}),
    ("Gemma 3 est sorti. Ce modèle de Google surpasse Llama 3.", set()),
    ("Gemma 3 est sorti. Le modèle de Meta, Llama 3, est dépassé.", {("Llama 3", "Meta", "genitive_apposition")}),  # (not Gemma 3)
    # a possessive after a claimer is the claimer's model
    ("D’après Microsoft, son nouveau modèle léger Phi-3 Mini est capable de surpasser des modèles.",
     {("Phi-3 Mini", "Microsoft", "possessive")}),
    # the sentence's organisation « avec le lancement de » a model; not one the lexicon gives another maker
    ("Apple a fait une incursion remarquée avec le lancement d’OpenELM 3B.", {("OpenELM 3B", "Apple", "launch_noun")}),
    ("Google a pris le dessus grâce à l’introduction de Gemini 2.0 Flash.",
     {("Gemini 2.0 Flash", "Google", "launch_noun")}),
    ("Amazon a gagné des clients avec le lancement de Llama 3 sur Bedrock.", set()),
    # « Il » for the organisation the last sentence naming one opens on, if that sentence names no model
    ("Aujourd’hui, Anthropic a fait une annonce. « Nous voilà. » Il a sorti Claude 4 Opus.",
     {("Claude Opus 4", "Anthropic", "launch")}),
    ("Anthropic a publié Claude 3. Il a sorti une version Opus.", {("Claude 3", "Anthropic", "launch")}),
    ("Selon Google, la course continue. Il a sorti Llama 4 hier.", set()),
    # a maker the lexicon does not know: an apposition says it is one, then it is one in every mention
    ("Carrière Numérique, une jeune entreprise clermontoise, a dévoilé Basalte3 et Calcite-70B, des modèles de "
     "langage. Grès Rose 2, le petit modèle de Carrière Numérique, vise les portables.",
     {("Basalte3", "Carrière Numérique", "launch"), ("Calcite-70B", "Carrière Numérique", "launch"),
      ("Grès Rose 2", "Carrière Numérique", "apposition")}),
    ("La Confiserie Logique, installée à Montélimar, a présenté Praline 4, son modèle de langage.",
     {("Praline 4", "Confiserie Logique", "launch")}),
    ("Paris, une ville, a présenté GPT-5.", set()),  # one word before the apposition may be anything
    # a capitalised descriptor is part of the name
    ("Équerre 2 est un modèle de langage. Équerre 2, développé par l'Atelier Cognitif, cible le code.",
     {("Équerre 2", "Atelier Cognitif", "made_by")}),
    # « vient d'annoncer »: an elided word between the organisation and its verb
    ("OpenAI vient d'annoncer deux modèles nommés gpt-oss-120b et gpt-oss-20b.",
     {("gpt-oss-120b", "OpenAI", "launch"), ("gpt-oss-20b", "OpenAI", "launch")}),
    # the names the sentence after a launch gives to what was launched
    ("Mistral AI annonce son premier modèle de raisonnement. Dénommé Magistral, il se décline en deux versions.",
     {("Magistral", "Mistral AI", "named_after")}),
    ("Mistral a dévoilé dix nouveaux modèles. Au menu : un grand modèle baptisé Mistral Large 3.",
     {("Mistral Large 3", "Mistral AI", "named_after")}),
    ("Mistral AI publie un nouveau modèle. Il surpasse GPT-4o, baptisé par OpenAI.", set()),  # not right before
    ("Mistral AI a publié Mistral 7B. Baptisé Mixtral, un autre suit.", {("Mistral 7B", "Mistral AI", "launch")}),
    ("Meta dévoile Llama 4.", {("Llama 4", "Meta", "launch")}),
    ("OpenAI a levé le voile sur deux modèles baptisés o3 et o4-mini.",
     {("o3", "OpenAI", "launch"), ("o4-mini", "OpenAI", "launch")}),
    ("Baidu a lancé ses modèles Ernie 4.5 Turbo et Ernie X1 Turbo.",
     {("Ernie 4.5 Turbo", "Baidu", "launch"), ("Ernie X1 Turbo", "Baidu", "launch")}),
    # a developer phrase stands for the one organisation of the sentence before
    ("Alibaba publie un modèle. Le géant chinois a dévoilé Qwen2.5-Max.", {("Qwen2.5-Max", "Alibaba", "launch")}),
    # … unless the lexicon gives the model another maker (« censé surpasser celui d’OpenAI. Le géant américain a annoncé … Gemini »)
    ("Un système censé surpasser celui d’OpenAI. Le géant américain a annoncé le déploiement de Gemini.", set()),
    # a name a descriptor introduces
    ("La start-up française Perdrix Labs a dévoilé Mistral 7B.", {("Mistral 7B", "Perdrix Labs", "launch")}),
    ("Le lancement par Alibaba de Qwen 2.5-Max a surpris.", {("Qwen 2.5-Max", "Alibaba", "launch_noun")}),
    ("Mistral AI a répliqué avec Mistral Large 2.", {("Mistral Large 2", "Mistral AI", "launch_with")}),
    ("Baidu se sert de l'architecture MoE pour son modèle ERNIE 4.5.", {("ERNIE 4.5", "Baidu", "possessive")}),
    ("| Modèle | Éditeur |\n|---|---|\n| BLOOM | BigScience |", {("BLOOM", "BigScience", "table_column")}),
    # not organisation facts: a claimer, a host or a seller, a competitor
    ("Selon OpenAI, GPT-4.5 surpasse Claude 3.7 Sonnet.", set()),
    ("D'après Anthropic, Claude 3.5 Sonnet surpasse GPT-4o.", set()),
    ("Selon Google, Gemma 3 surpasse Llama 3.", set()),
    ("Selon Sam Altman, GPT-5 surpasse o3.", set()),
    ("Grâce à Nvidia, Llama 3.1 tourne plus vite.", set()),
    ("Les utilisateurs de Google testent Llama 3.", set()),
    ("Des chercheurs de Microsoft ont testé Llama 3.", set()),
    ("Google compare Gemini 2.5 Pro à GPT-4o.", set()),
    ("Amazon propose Llama 3.1 sur Bedrock.", set()),
    ("Microsoft propose GPT-4o sur Azure.", set()),
    ("Microsoft héberge Llama 3.1 sur Azure.", set()),
    ("DeepSeek-V3 a été comparé par Meta à Llama 3.1.", set()),
    ("Meta a dévoilé Llama 4. Amazon propose Llama 4 sur Bedrock.", {("Llama 4", "Meta", "launch")}),
    ("Meta dévoile Llama 4 face à GPT-4o.", {("Llama 4", "Meta", "launch")}),
    ("Mistral AI a lancé Mistral Small 3 face à Llama 3.3 70B.", {("Mistral Small 3", "Mistral AI", "launch")}),
    ("Google lance Gemini 3, une semaine après GPT-5.1.", {("Gemini 3", "Google", "launch")}),
    ("Microsoft a dévoilé Phi-4, qui surpasse GPT-4o.", {("Phi-4", "Microsoft", "launch")}),
    ("Mistral AI a lancé Mistral Small 3, basé sur Mistral 7B.", {("Mistral Small 3", "Mistral AI", "launch")}),
    # a sentence that opens on « Son modèle X »: the organisation the sentence before opens on
    ("Anthropic s'est spécialisée dans les outils. Son modèle Claude 3 Opus séduit.", {("Claude 3 Opus", "Anthropic", "possessive")}),
    ("Mistral AI lève des fonds. Son concurrent GPT-4o reste devant.", set()),
    # a maker the lexicon does not know, alone or listed with one it knows
    ("Grok 3 a été conçu par Basalte Research.", {("Grok 3", "Basalte Research", "made_by")}),
    ("Meta a publié Llama 3. Grok 3 a été conçu par Basalte Research et Meta.",
     {("Llama 3", "Meta", "launch"), ("Grok 3", "Basalte Research", "made_by"), ("Grok 3", "Meta", "made_by")}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_organization_facts(analyse, lex, text, expected):
    a = analyse(text)
    found = organization_facts(a.text, a.views, a.ents, lex)
    assert {(f.model, f.value, f.where.recognizer.removeprefix("organization:")) for f in found} == expected
    assert all(f.attribute == "organization" for f in found)


def _finder_hits(a, lex, finder_name: str) -> set[tuple[str, str]]:
    """(model, organisation) the one finder gives over the text, each sentence with its scope as
    ``organization_facts`` builds it."""
    finder = dict(FINDERS)[finder_name]
    orgs = find_orgs(a.text, lex)
    p = organizations._patterns(lex)
    headers = organizations._maker_columns(a.text, a.sentences, lex)
    out: set[tuple[str, str]] = set()
    previous: tuple = ()
    for view in a.views:
        s = view.sentence
        mine = tuple(o for o in orgs if s.start <= o.start < s.end)
        sc = Scope(a.text, view, mine, previous, lex, p, headers.get(s.start), a.ents)
        out |= {(ref.model, org) for ref, org, _, _ in finder(sc)}
        if mine:
            previous = mine
    return out


FINDER_CASES = [
    ("genitive", "Le GPT-4o d'OpenAI est disponible.", {("GPT-4o", "OpenAI")}),
    ("genitive", "Le modèle o1 d’openAI est sorti.", {("o1", "OpenAI")}),  # (as some pages write the name)
    ("genitive", "Selon OpenAI, GPT-4.5 surpasse Claude 3.7 Sonnet.", set()),
    ("genitive", "Orange adapte Llama (pour le traitement du langage naturel) de Meta.", {("Llama", "Meta")}),
    ("genitive", "Orange adapte Llama (avec une couche maison) de Meta.", set()),  # (an aside that says no purpose)
    ("genitive", "Déjà ce qui différencie DeepSeek-R1 d’OpenAI o1, c’est son caractère open source.", set()),
    # two makers where the genitive's phrase ends on them; not an organisation that starts a clause
    ("genitive", "Gopher reste en deçà des 530 milliards du MT-NLG de Microsoft et Nvidia.",
     {("Megatron-Turing NLG", "Microsoft"), ("Megatron-Turing NLG", "Nvidia")}),
    ("genitive", "Le Llama 3 de Meta et Google a lancé Gemini.", {("Llama 3", "Meta")}),
    ("genitive", "Baidu présente ce modèle comme un rival direct de GPT-4o, d’OpenAI et DeepSeek.", {("GPT-4o", "OpenAI")}),
    ("parenthesis", "Qwen 2.5 (Alibaba) est ouvert.", {("Qwen 2.5", "Alibaba")}),
    ("parenthesis", "Qwen 2.5 (licence Apache) est ouvert par Alibaba.", set()),
    ("apposition", "Grok 4, le nouveau modèle phare d'xAI, est sorti.", {("Grok 4", "xAI")}),
    ("prefix", "Google Gemini 2.5 Pro est disponible.", {("Gemini 2.5 Pro", "Google")}),
    ("prefix", "Google, Gemini 2.5 Pro et GPT-4o sont cités.", set()),
    ("prefix", "Il rivalise avec Google’s Gemini-3.0-Pro.", {("Gemini 3.0 Pro", "Google")}),  # English genitive (Gemini's canonical name)
    ("made_by", "Grok 3, développé par xAI, est sorti.", {("Grok 3", "xAI")}),
    # a noun in apposition to the name carries its maker, even after « concurrent de »
    ("made_by", "Veo 2 se pose en concurrent direct de Sora, l’alternative proposée par OpenAI.", {("Sora", "OpenAI")}),
    ("made_by", "La version de GPT-4 développée par Microsoft est sortie.", set()),
    # « l'annonce de X par Meta »: the launch noun finds it (made_by, tried before, finds it too)
    ("launch_noun", "L'annonce de Llama 3.3 70B par Meta a surpris.", {("Llama 3.3 70B", "Meta")}),
    ("launch_noun", "Le lancement par Alibaba de Qwen 2.5-Max a surpris.", {("Qwen 2.5-Max", "Alibaba")}),
    ("launch", "Meta dévoile Llama 4.", {("Llama 4", "Meta")}),
    ("launch", "Meta a balancé Llama 4 la semaine dernière.", {("Llama 4", "Meta")}),  # (the press's familiar word)
    ("launch", "Amazon propose Llama 3.1 sur Bedrock.", set()),
    ("launch", "Meta dévoile Llama 4 face à GPT-4o.", {("Llama 4", "Meta")}),
    # an organisation a preposition introduces in an aside between commas is not the subject
    ("launch", "La start-up Moonshot, backée par Alibaba, lance Kimi K2.", {("Kimi K2", "Moonshot AI")}),
    ("launch", "Selon Google, Meta lance Llama 4.", {("Llama 4", "Meta")}),
    # names in an aside between commas after the subject do not stop it (nor a version's dot there)
    ("launch", "OpenAI, un mois après avoir lancé GPT-5.1, a dévoilé GPT-5.2.", {("GPT-5.1", "OpenAI"), ("GPT-5.2", "OpenAI")}),
    ("launch", "OpenAI a vu Claude 3 dévoiler ses atouts.", set()),
    ("launch_with", "Google lui a répondu avec Gemma 3.", {("Gemma 3", "Google")}),
    ("house", "Alibaba publie QwQ-32B, le précédent modèle de raisonnement de la maison.", {("QwQ-32B", "Alibaba")}),
    ("house", "QwQ-32B, le précédent modèle de raisonnement de la maison, reste ouvert.", set()),
    ("possessive", "Meta lève le voile sur Llama 4, sa nouvelle série.", {("Llama 4", "Meta")}),
    ("possessive", "Meta et Google comparent son modèle Llama 4.", set()),  # two organisations: whose « son » ?
    # the possessive right after the name, with no comma; a chatbot is one of its nouns
    ("possessive", "Google est en première ligne avec Med-PaLM son nouveau chatbot médical.", {("Med-PaLM", "Google")}),
    ("possessive", "Google compare Med-PaLM à GPT-4, son rival.", set()),
    # in parentheses; « baptisé » after the possessive's noun; not a possessive that names no model
    ("possessive", "Anthropic compare Claude 3.5 Sonnet à Claude 3 Opus (son ancien modèle phare).",
     {("Claude 3 Opus", "Anthropic")}),
    ("possessive", "Google comparait Gemini 2.5 Pro à GPT-4o (sa cible).", set()),
    ("possessive", "Le laboratoire Estuaire Recherche oppose à Aigrette-2 Pro son propre modèle, Bernache 5.",
     {("Bernache 5", "Estuaire Recherche")}),
    # the press's names for a company: « la firme de Redmond »
    ("launch", "La firme de Redmond a présenté Phi-3 en avril.", {("Phi-3", "Microsoft")}),
    # in reported speech (« a déclaré qu'il publiait »), not someone else's launch
    ("launch", "OpenAI a déclaré qu'il publiait GPT-5.", {("GPT-5", "OpenAI")}),
    # organisations listed as the subject of a plural launch verb, each the lexicon allows
    ("launch", "L’EPFL, l’ETH Zurich et le CSCS ont lancé Apertus.", {("Apertus", "EPFL"), ("Apertus", "ETH Zurich"), ("Apertus", "CSCS")}),
    ("launch", "OpenAI et Google ont lancé Gemini 3.", {("Gemini 3", "Google")}),
    ("launch", "OpenAI et Anthropic ont lancé leurs nouveaux modèles : GPT-5.3 Codex et Claude Opus 4.6.",
     {("GPT-5.3 Codex", "OpenAI"), ("Claude Opus 4.6", "Anthropic")}),
    ("fronted_launch", "Avec le lancement de Grok 4, xAI ne se contente pas de présenter une nouvelle version.", {("Grok 4", "xAI")}),
    ("fronted_launch", "Après le lancement de Ébène 3, Basalte Research a riposté.", set()),
    ("launch", "OpenAI a annoncé que Meta publiait Llama 4.", {("Llama 4", "Meta")}),
    ("table_column", "| Modèle | Éditeur |\n|---|---|\n| BLOOM | BigScience |", {("BLOOM", "BigScience")}),
    ("table_column", "| Modèle | Hébergeur |\n|---|---|\n| Llama 3 | Amazon |", set()),
    ("table_column", "| Position | Modèle | Entreprise |\n|---|---|---|\n| 4 | Grok-4 | xAI |", {("Grok-4", "xAI")}),  # the model not first
    ("fronted_made_by", "Présenté mardi par le laboratoire xAI, Grok-3 surpasse ses rivaux.", {("Grok-3", "xAI")}),
    # makers listed with their articles; « le modèle s'appelle X »; not a model the fronted one is compared with
    ("fronted_made_by", "Développé par l’EPFL, l’ETH Zurich et le Centre suisse de calcul scientifique (CSCS), le modèle "
     "s’appelle Apertus.", {("Apertus", "EPFL"), ("Apertus", "ETH Zurich"), ("Apertus", "CSCS")}),
    ("fronted_made_by", "Développé par l'EPFL, le modèle surpasse Llama 3.", set()),
    ("colon_list", "Elle reprend des anciennes versions d’OpenAI : *GPT-4.5* et *GPT-4o*.",
     {("GPT-4.5", "OpenAI"), ("GPT-4o", "OpenAI")}),
    ("colon_list", "Selon OpenAI : GPT-4o surpasse Claude 3 Opus.", set()),  # no « modèles de » before it
    ("launch", "Meta a lancé ses modèles Llama 4, notamment Llama 4 Scout (109 milliards) et Llama 4 Maverick.",
     {("Llama 4", "Meta"), ("Llama 4 Scout", "Meta"), ("Llama 4 Maverick", "Meta")}),
    ("made_by", "Grok 3 a été conçu par Basalte Research.", {("Grok 3", "Basalte Research")}),
    ("made_by", "Claude Opus 4.1 surpasse des concurrents tels que Grok 4 développé par Basalte Rese", set()),  # cut page
    # « signé » after the model's definition; « tous trois » sums up a list; « qui, lui, a été »
    ("made_by", "PaLM 2 (Pathways Language Model 2) est un modèle de langage d’IA signé Google.", {("PaLM 2", "Google")}),
    ("made_by", "GPT-3, c’est la dernière version en date du modèle de langage généraliste développé par OpenAI.",
     {("GPT-3", "OpenAI")}),
    ("made_by", "Claude 3, c’est un concurrent direct du modèle développé par Google.", set()),
    ("made_by", "GLaM, LaMDA et Gopher, tous trois également créés par Google, ou encore Megatron-Turing NLG.",
     {("GLaM", "Google"), ("LaMDA", "Google"), ("Gopher", "Google")}),
    ("made_by", "GLaM, LaMDA et Gopher sont là. Megatron-Turing NLG, créés par Google.", set()),
    ("made_by", "Megatron-Turing NLG qui, lui, a été développé par Microsoft et Nvidia, est grand.",
     {("Megatron-Turing NLG", "Microsoft"), ("Megatron-Turing NLG", "Nvidia")}),
    # as many makers as names listed, « respectivement »; none when the counts differ
    ("made_by_respectively", "GPT-4o et Gemini 1.5 sont développés respectivement par OpenAI et Google.",
     {("GPT-4o", "OpenAI"), ("Gemini 1.5", "Google")}),
    ("made_by_respectively", "GPT-4o, Gemini 1.5 et Claude 3 sont développés respectivement par OpenAI et Google.", set()),
    # « une version optimisée de BERT par Facebook AI »: the maker of the version
    ("made_by", "RoBERTa : une version optimisée de BERT par Facebook AI, ce modèle améliore l'efficacité.", set()),
    ("made_by", "BERT par Google reste un classique.", {("BERT", "Google")}),
    # development verbs are launch verbs: the organisation as subject made the model
    ("launch", "Meta a développé Llama 3 en un an.", {("Llama 3", "Meta")}),
    ("launch", "Anthropic a conçu Claude Opus 4.5 pour le code.", {("Claude Opus 4.5", "Anthropic")}),
    ("launch", "Google a entraîné Gemini 2.0 sur des TPU.", {("Gemini 2.0", "Google")}),
    # a team the lexicon places in the family's maker (« Google DeepMind » in Google) is its maker too
    ("launch", "Google DeepMind a entraîné Gemini 2.0 sur des TPU.", {("Gemini 2.0", "Google DeepMind")}),
    ("launch", "Amazon a développé un service autour de Llama 3.1.", set()),
    ("launch", "Amazon a lancé un outil de code avec Llama 3.1.", set()),
    ("launch", "Perplexity a lancé un assistant propulsé par GPT-4o.", set()),
    # the models a launch names through a plural noun and « comme », « dont », « tels que »
    ("launch", "OpenAI a conçu pour ChatGPT plusieurs modèles de langage, comme GPT-4o, o1 ou o3.",
     {("GPT-4o", "OpenAI"), ("o1", "OpenAI"), ("o3", "OpenAI")}),
    ("launch", "Mistral AI a présenté deux nouveaux modèles, dont Mistral Large 3 et Ministral 3.",
     {("Mistral Large 3", "Mistral AI"), ("Ministral 3", "Mistral AI")}),
    ("launch", "OpenAI a lancé des modèles plus rapides que GPT-4o, comme o1.", set()),
    ("launch", "OpenAI a lancé des outils pour les développeurs, comme GPT-4o.", set()),
    # the members listed after a launched family
    ("launch", "Meta a lancé la famille de modèles Llama 4 : Llama 4 Scout, Llama 4 Maverick et Llama 4 Behemoth.",
     {("Llama 4", "Meta"), ("Llama 4 Scout", "Meta"), ("Llama 4 Maverick", "Meta"), ("Llama 4 Behemoth", "Meta")}),
    ("launch", "Meta a lancé Llama 4 : GPT-4o reste devant.", {("Llama 4", "Meta")}),
    # a genitive closes a list of its maker's families (the lexicon's), not of others'
    ("genitive", "Il bat les Gemma 3 et Gemini 2.0 Flash-Lite de Google.",
     {("Gemma 3", "Google"), ("Gemini 2.0 Flash-Lite", "Google")}),
    ("genitive", "Il bat GPT-4o, DeepSeek-V3 et Llama 3.1 de Meta.", {("Llama 3.1", "Meta")}),
]


@pytest.mark.parametrize("finder, text, expected", FINDER_CASES)
def test_finder(analyse, lex, finder, text, expected):
    assert _finder_hits(analyse(text), lex, finder) == expected


ORGS = [
    # a leader is the company only as « le groupe de … » or beside its name (claims still take
    # « Selon Sam Altman » as OpenAI's: attribution reads the lexicon itself)
    ("Selon Sam Altman, GPT-5 est prêt.", []),
    ("Le groupe de Mark Zuckerberg publie.", ["Meta"]),
    ("xAI et Elon Musk publient.", ["xAI", "xAI"]),
    ("Mistral AI et Google DeepMind publient.", ["Mistral AI", "Google DeepMind"]),
    ("La start-up française Perdrix Labs a dévoilé un modèle.", ["Perdrix Labs"]),
    ("Le laboratoire Basalte Research publie.", ["Basalte Research"]),
    ("Elon Musk présente Grok 3.", []),
    ("Le modèle est ouvert.", []),
    ("La société française a publié un modèle.", []),
    ("Metadata et Googleplex ne sont pas des éditeurs.", []),
    # a name ending with an organisation's word; not a method, a product or « Cette IA »
    ("Frimas Labs a publié Givre3 Turbo.", ["Frimas Labs"]),
    ("Ouessant 4 est le nouveau modèle phare d'Archipel IA.", ["Archipel IA"]),
    ("Il est entraîné avec Constitutional AI et servi sur Azure AI.", []),
    ("Cette IA est ouverte. Claude AI aussi.", []),
    # after « du laboratoire », « au groupe »
    ("C'était au tour du laboratoire grenoblois Moraine de publier.", ["Moraine"]),
]


@pytest.mark.parametrize("text, expected", ORGS)
def test_find_orgs(lex, text, expected):
    assert [o.name for o in find_orgs(text, lex)] == expected


def test_skipping_the_finders_that_cannot_find_changes_nothing(repo_root, analyse, lex, monkeypatch):
    """A sentence that names no organisation skips the finders that read only its organisations
    (``_may_find``): the same facts as every finder run on every sentence, over the corpus and the
    cases above."""
    from pipeline.ingest import read_corpus

    texts = [a.text for a in read_corpus(repo_root / "corpus") if a.text and a.language == "fr"]
    texts += [text for text, _ in CASES]
    skipped = 0
    for text in texts:
        a = analyse(text)
        for view in a.views:
            for name, _ in FINDERS:
                skipped += not organizations._may_find(name, Scope(text, view, (), (), lex, organizations._patterns(lex)))
        found = organization_facts(a.text, a.views, a.ents, lex)
        with monkeypatch.context() as m:
            m.setattr(organizations, "_may_find", lambda name, sc: True)
            assert organization_facts(a.text, a.views, a.ents, lex) == found
    assert skipped


def test_the_skipped_finders_are_finders():
    """A finder renamed in ``FINDERS`` but not in the sets ``_may_find`` reads would silently never
    be skipped (or a name there would match nothing): every name in them is a finder's."""
    from pipeline.link import organizations

    names = {name for name, _ in FINDERS}
    assert organizations._NEED_ORGS <= names
    assert organizations._NEED_A_SUBJECT <= names
