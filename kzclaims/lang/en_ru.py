"""English <-> Russian: a lemma lexicon of general news-event vocabulary, for the bridge.

One line per meaning: English words (base forms; inflections are found by
:func:`kzclaims.lang.bridge.english_forms`) before the colon, Russian words after it, the most
usual news wording first. The Russian words are written as they come to mind and reduced to
lemmas when the table is loaded (the same pymorphy3 lemmas matching compares), so "войска" and
"войско" are one entry. Read the other way (Russian lemma -> English words), the same lines
bridge a Russian phrasing into English sources.

Written blind, from the vocabulary of wire-service reports of every kind of event (casualties,
armed forces and security, disasters, health, protests, elections, strikes, transport
accidents, diplomacy, the economy of an event, time words and units), without reading any
claims file or report of the benchmark sets, so that it does not echo their phrasings. Why a
table of our own and not a packaged dictionary or aligned embeddings: see
:mod:`kzclaims.lang.bridge`.
"""

from __future__ import annotations

SOURCE = "en"
TARGET = "ru"

TABLE = """
# --- casualties and people -------------------------------------------------------------------
kill killed killing: погибнуть убить гибель погибший жертва
die died dead death deaths: погибнуть умереть гибель смерть погибший
fatality fatalities toll: жертва погибший гибель
victim victims: жертва пострадавший погибший
casualty casualties: жертва потеря пострадавший погибший
injure injured injuries injury wound wounded hurt: ранить пострадать ранение раненый травма
missing unaccounted: пропасть пропавший безвестно
survivor survivors survive: выжить выживший уцелеть
body bodies: тело останки
rescue rescued rescuers rescuer: спасти спасатель спасение спасательный
evacuate evacuated evacuation evacuees: эвакуировать эвакуация эвакуированный
displace displaced: перемещенный покинуть лишиться беженец переселенец
homeless: бездомный лишиться кров
refugee refugees: беженец
trap trapped: заблокировать оказаться завалить
hospitalize hospitalized hospitalised hospitalise: госпитализировать госпитализация
people person persons: человек люди
resident residents inhabitant inhabitants: житель население
population: население
civilian civilians: мирный гражданский житель
citizen citizens: гражданин
child children: ребенок дети
woman women: женщина
man men: мужчина
family families: семья
worker workers employee employees staff: работник сотрудник рабочий персонал
passenger passengers: пассажир
crew: экипаж команда бригада
member members: член участник
miner miners: горняк шахтер
firefighter firefighters: пожарный огнеборец
volunteer volunteers: доброволец волонтер
official officials: чиновник представитель официальный
spokesman spokeswoman spokesperson: представитель пресс-секретарь
journalist journalists reporter: журналист корреспондент
student students: студент учащийся
teacher teachers: учитель педагог преподаватель
doctor doctors physician: врач медик
nurse nurses: медсестра медик
patient patients: пациент больной
# --- armed forces, security, conflict --------------------------------------------------------
troop troops: войско военнослужащий военный контингент солдат
soldier soldiers serviceman servicemen: военнослужащий солдат военный боец
military army: военный армия вооруженный войско
force forces: сила войско контингент
peacekeeper peacekeepers peacekeeping: миротворец миротворческий
contingent: контингент
mission: миссия
battalion battalions: батальон
brigade: бригада
unit units: подразделение часть единица
officer officers: офицер сотрудник
police policeman policemen: полиция полицейский
guard guards: гвардия охрана страж
border borders frontier: граница пограничный
deploy deployed deployment: развернуть направить развертывание разместить
send sent dispatch dispatched: направить отправить прислать
station stationed: разместить дислоцировать
withdraw withdrawal withdrawn withdrew pullout: вывод вывести отвод уход отвести
arrive arrived arrival: прибыть прибытие
leave left depart departed departure: покинуть уйти отбыть
return returned: вернуться возвращение
attack attacked attacks assault raid: нападение атака напасть атаковать удар
attacker attackers gunman gunmen militant militants: боевик нападавший бандит
fighter fighters: боевик боец
rebel rebels insurgent insurgents: повстанец мятежник боевик
terrorist terrorists terrorism: террорист терроризм теракт
strike strikes airstrike airstrikes: удар забастовка стачка
shell shelling: обстрел снаряд
fire fired shoot shooting shot: огонь обстрел стрельба выстрел пожар
clash clashes: столкновение стычка
fight fighting battle: бой сражение столкновение
war: война
conflict: конфликт
ceasefire truce: перемирие прекращение огонь
violation violations violate violated: нарушение нарушить
weapon weapons arms: оружие вооружение
ammunition: боеприпас
vehicle vehicles: машина транспортный техника автомобиль
tank tanks: танк
drone drones: беспилотник дрон
missile missiles rocket rockets: ракета
occupy occupied seize seized capture captured: захватить захват оккупировать
hostage hostages: заложник
detain detained detention arrest arrested arrests: задержать арестовать задержание арест
release released free freed: освободить освобождение отпустить
prisoner prisoners: пленный заключенный
operation operations: операция
security: безопасность
emergency: чрезвычайный чс чп экстренный
curfew: комендантский
unrest riot riots: беспорядки волнения
# --- disasters ------------------------------------------------------------------------------
disaster catastrophe: катастрофа бедствие стихийный
flood floods flooding flooded: наводнение паводок затопить подтопление
rain rainfall precipitation: дождь ливень осадки
storm storms: шторм буря
cyclone hurricane typhoon: циклон ураган тайфун
wind winds: ветер
earthquake quake tremor: землетрясение толчок
magnitude: магнитуда
aftershock aftershocks: афтершок толчок
epicentre epicenter: эпицентр
landslide landslides mudslide: оползень сель
avalanche: лавина
wildfire wildfires blaze: пожар возгорание лесной
burn burned burnt: сгореть гореть выгореть пожар
drought: засуха
eruption volcano: извержение вулкан
collapse collapsed: обрушение обрушиться рухнуть
explosion explode exploded blast: взрыв взорваться
destroy destroyed destruction: разрушить уничтожить разрушение
damage damaged: ущерб повредить повреждение
house houses home homes dwelling dwellings: дом жилой жилище
building buildings: здание строение
bridge bridges: мост
road roads: дорога трасса
power electricity: электричество электроэнергия свет
outage blackout: отключение
water: вода
level: уровень
river: река
dam: дамба плотина
area areas: площадь территория район
hectare hectares: гектар
acre acres: акр
zone: зона
region: регион область
village villages: село деревня поселок
town city: город
district: район округ
province: провинция область
mine: шахта рудник
coal: уголь угольный
shaft: ствол шахта
tunnel: тоннель туннель
# --- health ---------------------------------------------------------------------------------
outbreak epidemic: вспышка эпидемия
pandemic: пандемия
case cases: случай заболевание
infect infected infection infections: заразиться заражение инфицировать инфекция
disease illness: болезнь заболевание
virus: вирус
vaccine vaccines vaccinate vaccinated vaccination: вакцина вакцинация привить прививка
test tests tested testing: тест тестирование анализ
confirm confirmed: подтвердить подтвержденный
suspect suspected: подозрение подозреваемый предполагаемый
quarantine: карантин
isolation isolate: изоляция
hospital hospitals: больница госпиталь стационар
clinic: клиника поликлиника
recover recovered recovery: выздороветь выздоровление восстановление
symptom symptoms: симптом
# --- protests, politics, elections ----------------------------------------------------------
protest protests protested: протест акция митинг протестовать
protester protesters demonstrator demonstrators: протестующий демонстрант манифестант
demonstration demonstrations rally rallies: демонстрация митинг акция шествие
march marched marchers: шествие марш
crowd crowds: толпа
gather gathered: собраться собрать
participant participants participate: участник участвовать
turnout: явка
election elections: выборы
vote votes voted voting: голосование голос проголосовать голосовать
voter voters electorate: избиратель
ballot ballots: бюллетень голосование
poll polls polling: голосование опрос участок
referendum: референдум
result results: результат итог
percent percentage: процент
seat seats: место мандат
parliament: парламент
party parties: партия
candidate candidates: кандидат
win won winner: победить победа победитель
lose lost loss: проиграть потерять потеря
loss losses: потеря убыток
president: президент
prime minister: премьер
minister ministers: министр
ministry: министерство ведомство
government: правительство
authority authorities: власть
governor: губернатор
mayor: мэр
opposition: оппозиция
leader leaders: лидер глава
head: глава руководитель
commission: комиссия
committee: комитет
court: суд
judge: судья
law: закон
decree: указ постановление
sentence sentenced: приговор приговорить
# --- strikes, labour ------------------------------------------------------------------------
walkout stoppage: забастовка стачка
union unions: профсоюз союз
wage wages salary pay: зарплата заработный оклад
pension pensions: пенсия пенсионный
reform: реформа
demand demands demanded: требование требовать
agreement deal accord: соглашение договор сделка
contract: контракт договор
negotiation negotiations talks: переговоры
port ports: порт
dock docks dockworker dockworkers: док портовый докер
school schools: школа
factory plant: завод предприятие
company companies firm: компания фирма
# --- transport accidents --------------------------------------------------------------------
crash crashed accident accidents: авария крушение катастрофа
derail derailed derailment: сход сойти крушение
train trains: поезд состав
railway railroad rail: железная дорога железнодорожный
carriage carriages wagon wagons car cars coach: вагон
locomotive: локомотив тепловоз
station: станция вокзал
bus buses: автобус
truck lorry: грузовик
plane planes aircraft airplane jet: самолет воздушный судно
flight flights: рейс полет
airport: аэропорт
helicopter: вертолет
ship ships vessel vessels boat boats: судно корабль
ferry: паром
sink sank sunk sinking capsize capsized: затонуть опрокнуться крушение
aboard onboard board: борт
collision collide collided: столкновение столкнуться
driver drivers: водитель машинист
pilot: пилот
# --- diplomacy ------------------------------------------------------------------------------
sign signed signing: подписать подписание
treaty: договор
summit: саммит
meeting meet met: встреча совещание заседание встретиться
visit visited: визит посетить
sanction sanctions: санкция
request requested ask asked appeal appealed: просьба обратиться запрос обращение попросить
approve approved approval: одобрить утвердить одобрение
reject rejected: отклонить отвергнуть
propose proposed proposal: предложить предложение
announce announced announcement: объявить заявить сообщить объявление
declare declared declaration: объявить провозгласить заявление
stated statement: заявить заявление сообщить
say said: заявить сказать сообщить
report reported reports: сообщить доклад сообщение отчет
estimate estimated estimates: оценить оценка
count counted: подсчитать насчитать подсчет
record recorded: зафиксировать зарегистрировать рекорд
register registered: зарегистрировать зарегистрированный
# --- economy of an event --------------------------------------------------------------------
cost costs: стоимость обойтись затраты
aid assistance: помощь
fund funds funding: средства фонд финансирование
budget: бюджет
price prices: цена
rise rose risen increase increased: рост вырасти увеличиться повышение повысить
fall fell fallen drop dropped decrease decreased: снизиться падение сокращение упасть
dollar dollars: доллар
rouble roubles ruble rubles: рубль
euro euros: евро
million: миллион
billion: миллиард
thousand: тысяча
# --- actions and states ---------------------------------------------------------------------
begin began begun start started beginning commence commenced: начаться начать начало старт
end ended finish finished complete completed completion: завершиться завершение закончиться
complete completed finish finished end: завершить окончить закончить окончание
close closed closure shut: закрыть закрытие
open opened opening: открыть открытие
last lasted take takes: длиться продлиться продолжаться занять
continue continued: продолжаться продолжить
resume resumed: возобновить возобновиться
suspend suspended suspension: приостановить приостановка
halt halted stop stopped: остановить прекратить остановка
extend extended extension: продлить продление
impose imposed: ввести
introduce introduced: ввести
lift lifted: отменить снять
cancel cancelled canceled: отменить
plan planned: план планировать
expect expected: ожидать ожидаться
hold held: провести пройти состояться
effect: вступить сила действие
reach reached: достигнуть достичь составить
total: составить общий всего
affect affected: пострадать затронуть
need needed: нуждаться потребоваться
shelter shelters: убежище укрытие приют
camp camps: лагерь
# --- time words, units ----------------------------------------------------------------------
day days: день сутки
week weeks: неделя
month months: месяц
year years: год
hour hours: час
minute minutes: минута
night: ночь
morning: утро
evening: вечер
today: сегодня
yesterday: вчера
tomorrow: завтра
duration: продолжительность
january: январь
february: февраль
march: март
april: апрель
may: май
june: июнь
july: июль
august: август
september: сентябрь
october: октябрь
november: ноябрь
december: декабрь
monday: понедельник
tuesday: вторник
wednesday: среда
thursday: четверг
friday: пятница
saturday: суббота
sunday: воскресенье
kilometre kilometres kilometer kilometers km: километр км
metre metres meter meters: метр
tonne tonnes ton tons: тонна
litre litres liter liters: литр
degree degrees: градус
# --- general --------------------------------------------------------------------------------
first: первый
second: второй
last final: последний окончательный
new: новый
official: официальный
local: местный
national: национальный
foreign: иностранный
international: международный
capital: столица
country: страна
state states: государство положение штат
# --- more of the same: words of every kind of report ----------------------------------------
bandit bandits: бандит боевик
equipment hardware: техника оборудование
consist consists comprise comprises: насчитывать составлять состоять
mourning: траур траурный
program programme programs: программа
inflation: инфляция
target targets: цель целевой
gradual gradually phased: поэтапный постепенный постепенно
assist assistance help helped: помощь помочь содействие
regime: режим
situation: ситуация обстановка положение
measure measures: мера
restriction restrictions restrict restricted: ограничение ограничить
ban banned: запрет запретить
order ordered: приказ приказать распоряжение
command commander: командование командующий командир
general: генерал общий
defence defense: оборона оборонный
interior: внутренний
prosecutor prosecutors: прокурор прокуратура
investigation investigate investigated investigators: расследование следствие расследовать
charge charged: обвинение обвинить
accuse accused: обвинить обвиняемый
incident: инцидент происшествие
event events: событие мероприятие
period: период срок
term: срок
deadline: срок
season: сезон
spring: весна
summer: лето
autumn fall: осень
winter: зима
half: половина
third: треть
quarter: четверть квартал
majority: большинство
share: доля
pupil pupils: ученик школьник
pensioner pensioners retiree retirees: пенсионер
tourist tourists: турист
foreigner foreigners foreign: иностранец иностранный
migrant migrants: мигрант
embassy: посольство
base bases: база
checkpoint checkpoints: блокпост пункт
crossing: переход переезд пункт
block blocked blockade: блокировать перекрыть блокада
barricade barricades: баррикада
disperse dispersed: разогнать разгон
gas: газ
bullet bullets: пуля
oil: нефть
grain: зерно
harvest crop crops: урожай
livestock cattle animals: скот животное
snow: снег
ice: лед
heat: жара
temperature: температура
frost: мороз
sea: море
coast coastal: побережье берег
wave waves: волна
tsunami: цунами
coalition: коалиция
round runoff: тур
count counting recount: подсчет пересчет
constituency constituencies district: округ
precinct precincts: участок
valid: действительный
invalid: недействительный
threshold: порог барьер
picket pickets: пикет
employer employers: работодатель
offer offered: предложение предложить
increase raise: повышение увеличение рост
hour shift: смена
spread spreading: распространение распространиться
lockdown: карантин локдаун
bed beds: койка место
dose doses: доза
intensive: реанимация интенсивный
mortality: смертность
signal: сигнал светофор
track tracks: путь
speed: скорость
runway: полоса
wreckage debris rubble: обломок завал
search searched: поиск поисковый искать
diver divers: водолаз
find found: найти обнаружить
identify identified: опознать установить
underground: подземный
depth: глубина
methane: метан
smoke: дым
containment contained contain: локализовать локализация сдерживание
overflow overflowed: разлив
levee dike dyke: дамба
submerge submerged inundate inundated: затопить подтопить
scale: шкала масштаб
nationwide national: общенациональный национальный
peak: пик
organizer organizers organiser organisers: организатор
square: площадь
street streets: улица
centre center: центр
headquarters: штаб
office: офис ведомство
agency: агентство
service services: служба
weather: погода
forecast: прогноз
warning warnings: предупреждение
alert: тревога
nuclear: атомный ядерный
reactor: реактор
leak leaked: утечка
fuel: топливо
chemical chemicals: химический
toxic: токсичный
spill: разлив
prison jail: тюрьма заключение
fine fined: штраф
compensation: компенсация
insurance insured: страховой страхование
economic economy: экономический экономика
unemployment: безработица
bill: законопроект
amendment amendments: поправка
constitution constitutional: конституция конституционный
resign resigned resignation: отставка уйти
appoint appointed appointment: назначить назначение
dismiss dismissed: уволить отставка
inauguration inaugurated: инаугурация
route routes: маршрут
line: линия
section: участок
delay delayed: задержка опоздание
schedule scheduled: расписание
convoy convoys column: колонна
tent tents: палатка
food: продовольствие еда
medicine medicines: лекарство медикамент
supply supplies: поставка снабжение
humanitarian: гуманитарный
corridor: коридор
buffer: буферный
exchange exchanged: обмен
observer observers monitor monitors: наблюдатель
fisherman fishermen: рыбак
# --- more words of every kind of report (issue 10, sixth pass: written from general knowledge,
# like the lines above; meanings a report states a figure with: measures, stages, diseases,
# freight, the verbs of ending and completing, of pulling back and rebuilding)
halt termination cessation: прекращение прекратить остановка
conclude concluded: заключить
accomplish accomplished fulfil fulfilled: выполнить выполнение
width: ширина
height: высота
radius: радиус
distance: расстояние
volume: объем
capacity: вместимость мощность
strong strength: сильный мощный
campaign campaigns: кампания
appeal appeals: призыв обращение
phase stage: этап фаза стадия
relief: помощь гуманитарный
rebuild rebuilt rebuilding reconstruction: восстановить восстановление отстроить
restore restored restoration: восстановить восстановление
repair repaired repairs: ремонт отремонтировать
pull pulled pullback: отвести отвод вывести
hit: обрушиться ударить удар
rail rails: рельс
tanker tankers: цистерна
cargo freight goods: груз грузовой
hazardous dangerous: опасный
measles: корь
cholera: холера
flu influenza: грипп
malaria: малярия
coronavirus covid: коронавирус ковид
polio: полиомиелит
dengue: денге
ebola: эбола
unvaccinated: непривитый
contact contacts: контакт контактный
shortage shortages deficit: дефицит нехватка
licence license licences licenses: лицензия
management managers: руководство
owner owners: владелец
household households: домохозяйство
forest forests: лес
extinguish extinguished firefighting: тушение потушить
inspection inspect inspected check checked: проверка проверить осмотр
peaceful: мирный
money: деньги средства
initial original: первоначальный изначальный
valley: долина
south southern: юг южный
north northern: север северный
east eastern: восток восточный
west western: запад западный
alive: живой
outpost post posts: пост
pledge pledged promise promised vow vowed: пообещать обещать обещание
housing: жилье жилья
paratrooper paratroopers airborne: десантник десантный
personnel: персонал личный
safety safe: безопасность безопасный
anchor anchored: якорь
docker dockers: докер
control controlled: контроль контролировать
labour labor: труд трудовой
flee fled: бежать бегство
allocate allocated: выделить
indefinite: бессрочный
repeat repeated: повторный
daily: ежедневный
retake retook recapture recaptured: вернуть отбить
armed: вооруженный
breach breached rupture ruptured: разгерметизироваться разрыв
scuffle scuffles: стычка потасовка
treat treated treatment: лечение лечить
"""

# Phrases said in several words in one language and in one or another number of words in the
# other ("voter turnout" is "явка"; "took effect" is "вступить в силу"): English phrases before
# the colon, Russian after it, alternatives separated by commas, the most usual first. A phrase
# of a phrasing (its content words in a row, any form) is carried over whole before its words
# are looked up one by one. Read backwards, a Russian phrase becomes the first English one.
PHRASES = """
turnout, voter turnout, voters turnout: явка, явка избирателей
state of emergency, emergency rule: чрезвычайное положение, режим чрезвычайного положения
state of emergency: режим чс, чрезвычайная ситуация
take effect, took effect, takes effect: вступить в силу
come into force, came into force, enter into force, entered into force: вступить в силу
armed forces: вооруженные силы
security forces: силовики, силовые структуры
law enforcement, law enforcement officers: правоохранительные органы, силовики
prime minister: премьер-министр, премьер
head of state: глава государства
interior ministry, interior minister: министерство внутренних дел, мвд
foreign ministry, foreign minister: министерство иностранных дел, мид
defence ministry, defence minister: министерство обороны, минобороны
defense ministry, defense minister: министерство обороны, минобороны
health ministry: министерство здравоохранения, минздрав
emergencies ministry, emergency ministry: мчс
air strike, air strikes: авиаудар
tear gas: слезоточивый газ
rubber bullets: резиновые пули
water cannon: водомет
polling station, polling stations: избирательный участок
electoral commission, election commission: избирательная комиссия, избирком, цик
opinion poll: опрос
peace talks: мирные переговоры
peace agreement, peace deal: мирное соглашение
power outage, power cut, power cuts: отключение электроэнергии
rescuers, rescue workers, rescue teams: спасатели
search and rescue: поисково-спасательный
emergency services: экстренные службы
press conference: пресс-конференция
missing, missing persons: пропавшие без вести
natural disaster: стихийное бедствие
death sentence: смертный приговор
minimum wage: минимальная зарплата
retirement age, pension age: пенсионный возраст
state media: государственные сми
general strike: всеобщая забастовка
hunger strike: голодовка
railway station, train station: вокзал
level crossing, railroad crossing: переезд
border crossing, border crossings: пункт пропуска
front line: линия фронта
buffer zone: буферная зона
humanitarian corridor: гуманитарный коридор
intensive care: реанимация
local time: местное время
landfall, made landfall, make landfall: выход на сушу, выйти на сушу
take part, took part, taking part: принять участие
# an idiom is carried whole, never word by word: "lost their lives" is "погибли", not "потеряли"
# (whose "потеря" is also a money loss, "ущерб"); "унесли жизни" is "killed", not "took away"
lose their lives, lost their lives, losing their lives, loses their lives: погибнуть, гибель
lives lost, lost lives, loss of life, loss of lives: погибнуть, гибель, унести жизни
claimed the lives, claimed lives, claim lives, took the lives, take the lives: погибнуть, гибель
cost the lives: погибнуть, гибель, унести жизни, лишиться жизни
"""
