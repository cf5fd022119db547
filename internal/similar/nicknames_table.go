package similar

// nicknameGroups lists common English given names with their short forms
// and pet names, one group a line: the formal name(s) first. A name may
// sit in several groups (Al: Albert, Alan, Alfred, Alexander). Written for
// crmkit from common usage; no outside source was copied.
const nicknameGroups = `
abigail abby abbie gail
abraham abe bram
adelaide addie adele della
agnes aggie nessa
albert al bert bertie
alan allan allen al
alfred al alf alfie fred freddie
alexander alex alec al sandy sasha xander lex
alexandra alex alexa sandra sandy lexi sasha
alexis alex lexi
alice ally allie alicia
allison alison ally allie
amanda mandy manda
andrew andy drew
angela angie
anne ann annie nan nancy anna hannah
anthony antony tony
archibald archie
arnold arnie
arthur art artie
barbara barb barbie babs
benjamin ben benny benji
bernard bernie barney
beatrice bea trixie
bradley brad
brian bryan
caroline carol carrie lina
catherine katherine kathryn catharine kate katie kathy cathy kat kitty kay
charles chuck charlie chas chaz
charlotte charlie lottie lotte
christina christine chris chrissy tina kristina kristine
christopher chris kit topher
clifford cliff
cynthia cindy
daniel dan danny
david dave davey
deborah debra deb debbie
dennis denny
donald don donnie
dorothy dot dottie dolly
douglas doug
edward ed eddie ned ted teddy
edwin ed eddie
edmund ed ned
eleanor ellie nell nellie nora elle
elizabeth elisabeth liz lizzie beth betty betsy bess bessie eliza libby lisa elsie
emily em emmy millie
emma em emmy
eugene gene
evelyn evie
frances fran frannie fanny
francis frank frankie
franklin frank
frederick frederic fred freddie fritz
gabriel gabe
gabrielle gabby gabi
geoffrey jeffrey geoff jeff
gerald gerry jerry
gertrude gertie trudy
gregory greg
gwendolyn gwen wendy
harold harry hal
harriet hattie
henry harry hank hal
herbert herb bert
howard howie
isabella isabel isabelle bella izzy
jacob jake
jacqueline jackie
james jim jimmy jamie jem
janet jan jannie
jane janie jenny
jennifer jenny jen jenn jennie
jessica jess jessie
joan joanie
john jack johnny jon
jonathan jon jonny nathan
joseph joe joey jo
josephine jo josie
joshua josh
judith judy jude
julia julie jules
katherine kate katie kathy kat kitty
kenneth ken kenny
kimberly kim
lawrence laurence larry laurie
leonard leo len lenny
leslie les
lewis louis lou lew
louise lou lulu
lucinda lucy cindy
madeline madeleine maddie maddy
margaret peggy peg maggie meg megan marge margie madge greta daisy rita
martha marty mattie patsy
martin marty
mary molly polly mamie mae
matilda tilly tilda mattie
matthew matt matty
michael mike mikey mick mickey
mildred millie
mitchell mitch
nathaniel nathan nate nat
nicholas nick nicky
nicole nikki nicky
oliver ollie
olivia liv livvy
pamela pam
patricia pat patty tricia trish
patrick pat paddy
peter pete
philip phillip phil pip
rebecca becky becca
richard rick ricky dick rich richie
robert rob bob bobby robbie bert
roberta bobbie robbie
rodney rod
ronald ron ronnie
rosemary rose rosie
samantha sam sammy
samuel sam sammy
sarah sara sally sadie
solomon sol
stanley stan
stephen steven steve stevie
stephanie steph stevie
susan suzanne sue susie suzy
sylvester sly
terence terrence terry
theodore ted teddy theo
theresa teresa terry tess tessa
thomas tom tommy
timothy tim timmy
valerie val
veronica ronnie vera
victoria vicky tori
vincent vince vinny
walter walt wally
william bill billy will willie liam
winifred winnie
zachary zach zack
`
