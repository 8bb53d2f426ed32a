import type { IdeaStatus, Platform } from '../generated/prisma/enums.ts';

/** Demo data a person can explore; demos and checks rely on these emails. */

export interface DemoIdea {
  type: 'POST' | 'REEL';
  platform: Platform;
  status: IdeaStatus;
  title: string;
  hook: string;
  caption: string;
  hashtags: string[];
  callToAction: string;
  visualDirection?: string;
  durationSec?: number;
  beats?: { startSec: number; shot: string; voiceover: string; onScreenText: string }[];
  audioSuggestion?: string;
  /** Comments on the idea, oldest first; `by` names a demo user's email. */
  comments?: { by: string; body: string; visibility: 'INTERNAL' | 'CLIENT' }[];
}

export interface DemoClient {
  name: string;
  industry: string;
  website: string;
  brandVoice: string;
  toneKeywords: string[];
  targetAudience: string;
  doList: string[];
  dontList: string[];
  defaultHashtags: string[];
  platforms: Platform[];
  contact: { email: string; name: string };
  /** An open brand suggestion learned from review: a phrase to never use, with what showed it. */
  suggestion?: { neverUse: string; lines: string[] };
  campaign?: {
    name: string;
    objective: string;
    brief: string;
    keyMessages: string[];
    themes: string[];
    platforms: Platform[];
    startDate: string;
    endDate: string;
    numPosts: number;
    numReels: number;
    ideas: DemoIdea[];
  };
}

export interface DemoTenant {
  name: string;
  slug: string;
  monthlyTokenQuota: number;
  admins: { email: string; name: string }[];
  members: { email: string; name: string }[];
  clients: DemoClient[];
}

export const PLATFORM_ADMIN = { email: 'admin@muse.test', name: 'Morgan Reyes' };

export const DEMO_TENANTS: DemoTenant[] = [
  {
    name: 'Northwind Social',
    slug: 'northwind-social',
    monthlyTokenQuota: 2_000_000,
    admins: [{ email: 'owner@northwind.test', name: 'Olivia Hart' }],
    members: [{ email: 'member@northwind.test', name: 'Sam Okafor' }],
    clients: [
      {
        name: 'Acme Coffee',
        industry: 'Specialty coffee roaster and cafés',
        website: 'https://acme-coffee.example',
        brandVoice:
          'Warm, curious and a little nerdy about coffee. We talk like a favourite barista: knowledgeable without ever being snobby, always inviting people to taste for themselves.',
        toneKeywords: ['warm', 'curious', 'craft', 'unpretentious'],
        targetAudience:
          'Urban professionals aged 25–40 who care where their coffee comes from and enjoy a slow weekend brew at home.',
        doList: ['name the origin and the farm', 'show the people behind the cup', 'invite people to taste'],
        dontList: ['cheap', 'instant', 'best coffee in the world', 'guilt-free'],
        defaultHashtags: ['#AcmeCoffee', '#SpecialtyCoffee'],
        platforms: ['INSTAGRAM', 'TIKTOK', 'FACEBOOK'],
        contact: { email: 'client@acme-coffee.test', name: 'Priya Nair' },
        suggestion: {
          neverUse: 'bargain',
          lines: ['In 2 ideas the client turned down', '“Bargain? That is not us.”'],
        },
        campaign: {
          name: 'Autumn Single-Origin Launch',
          objective: 'Launch the Huila, Colombia single-origin and drive pre-orders in the first two weeks.',
          brief:
            'Our autumn single-origin comes from the Los Naranjos cooperative in Huila. Tasting notes: red apple, panela and cocoa. We want people to pre-order bags online and visit the cafés for a free tasting flight on launch weekend.',
          keyMessages: [
            'Traceable to one cooperative',
            'Tasting notes of red apple, panela and cocoa',
            'Free tasting flight on launch weekend',
          ],
          themes: ['origin story', 'autumn rituals', 'home brewing'],
          platforms: ['INSTAGRAM', 'TIKTOK'],
          startDate: '2026-10-01',
          endDate: '2026-11-30',
          numPosts: 4,
          numReels: 2,
          ideas: [
            {
              type: 'POST',
              platform: 'INSTAGRAM',
              status: 'CLIENT_APPROVED',
              title: 'Meet the Los Naranjos cooperative',
              hook: 'Every bag of our autumn coffee has a name on it. Here are the people behind it.',
              caption:
                'This season’s single-origin comes from 38 families of the Los Naranjos cooperative in Huila, Colombia. They pick every cherry by hand at peak ripeness, which is where those red-apple and panela notes come from. Swipe to meet Doña Rosa, who has farmed these slopes for 30 years.',
              hashtags: ['#AcmeCoffee', '#SpecialtyCoffee', '#Huila', '#CoffeeOrigin'],
              callToAction: 'Pre-order a bag — link in bio.',
              visualDirection:
                'Carousel: portrait of Doña Rosa among the coffee trees, close-up of ripe red cherries, hands sorting beans on raised beds, the finished bag on a wooden table.',
            },
            {
              type: 'REEL',
              platform: 'TIKTOK',
              status: 'PENDING_CLIENT',
              title: 'From cherry to cup in 30 seconds',
              hook: 'This coffee travelled 8,000 km. Here is the whole journey in 30 seconds.',
              caption:
                'From a hillside in Huila to your kitchen. Taste the red apple and panela for yourself on launch weekend.',
              hashtags: ['#AcmeCoffee', '#CoffeeTok', '#FromFarmToCup'],
              callToAction: 'Come for a free tasting flight on launch weekend.',
              durationSec: 30,
              beats: [
                {
                  startSec: 0,
                  shot: 'Hand picking a red cherry, macro',
                  voiceover: 'It starts with one ripe cherry.',
                  onScreenText: 'Huila, Colombia',
                },
                {
                  startSec: 6,
                  shot: 'Beans drying on raised beds, time-lapse',
                  voiceover: 'Dried in the mountain sun for two weeks.',
                  onScreenText: '14 days of drying',
                },
                {
                  startSec: 14,
                  shot: 'Roaster drum turning, beans cracking',
                  voiceover: 'Roasted light, to keep the fruit.',
                  onScreenText: 'Roasted in our café',
                },
                {
                  startSec: 22,
                  shot: 'Pour-over bloom, then a first sip',
                  voiceover: 'Red apple. Panela. Cocoa. Taste it with us.',
                  onScreenText: 'Free tasting · launch weekend',
                },
              ],
              audioSuggestion: 'Warm acoustic guitar, unhurried tempo',
            },
            {
              type: 'POST',
              platform: 'INSTAGRAM',
              status: 'CHANGES_REQUESTED',
              title: 'Your Sunday pour-over ritual',
              hook: 'Four minutes, three tools, one very good Sunday.',
              caption:
                'Our head barista’s autumn ritual: 18 g of Huila, 300 g of water just off the boil, a slow spiral pour. Notice how the cup gets sweeter as it cools? That is the panela.',
              hashtags: ['#AcmeCoffee', '#PourOver', '#HomeBrewing'],
              callToAction: 'Save this for Sunday.',
              visualDirection: 'Overhead shot of a V60 on a linen cloth, morning light, steam visible.',
              comments: [
                {
                  by: 'member@northwind.test',
                  body: 'Sent with the recipe from the barista team.',
                  visibility: 'INTERNAL',
                },
                {
                  by: 'client@acme-coffee.test',
                  body: 'Love it — can we use grams and cups? Many followers don’t own a scale.',
                  visibility: 'CLIENT',
                },
              ],
            },
            {
              type: 'POST',
              platform: 'INSTAGRAM',
              status: 'GENERATED',
              title: 'Tasting notes decoded',
              hook: 'Red apple in a coffee? Here is where it comes from.',
              caption:
                'Tasting notes are not flavourings: they are how a coffee’s natural acids and sugars remind us of other foods. In our Huila, slow ripening at 1,700 m builds malic acid — the same one in red apples.',
              hashtags: ['#AcmeCoffee', '#CoffeeScience', '#TastingNotes'],
              callToAction: 'Tell us what you taste in the comments.',
              visualDirection:
                'Flat lay: a cup of coffee surrounded by a sliced red apple, a block of panela and cocoa nibs.',
            },
            {
              type: 'REEL',
              platform: 'INSTAGRAM',
              status: 'AGENCY_REJECTED',
              title: 'Barista speed challenge',
              hook: 'How fast can our baristas pour a perfect heart?',
              caption: 'Latte art speed round. Who wins?',
              hashtags: ['#AcmeCoffee', '#LatteArt'],
              callToAction: 'Vote in the comments.',
              durationSec: 20,
              beats: [
                {
                  startSec: 0,
                  shot: 'Two baristas side by side, timer on screen',
                  voiceover: 'Ready, steady…',
                  onScreenText: 'Latte art race',
                },
                {
                  startSec: 10,
                  shot: 'Split screen of two pours',
                  voiceover: 'Pour!',
                  onScreenText: 'Who wins?',
                },
              ],
              audioSuggestion: 'Upbeat percussion loop',
              comments: [
                {
                  by: 'owner@northwind.test',
                  body: 'Off-brief: nothing about the launch. Parking it.',
                  visibility: 'INTERNAL',
                },
              ],
            },
          ],
        },
      },
      {
        name: 'Bloom Fitness',
        industry: 'Boutique fitness studios',
        website: 'https://bloom-fitness.example',
        brandVoice:
          'Encouraging, energetic and inclusive. We celebrate progress over perfection and speak to every body, never at it.',
        toneKeywords: ['encouraging', 'energetic', 'inclusive', 'real'],
        targetAudience: 'Adults 22–45 starting or restarting a fitness habit, often intimidated by big gyms.',
        doList: ['celebrate small wins', 'show real members', 'mention the beginner-friendly classes'],
        dontList: ['bikini body', 'no pain no gain', 'burn off', 'guilt'],
        defaultHashtags: ['#BloomFitness', '#ProgressNotPerfection'],
        platforms: ['INSTAGRAM', 'TIKTOK', 'YOUTUBE'],
        contact: { email: 'client@bloom-fitness.test', name: 'Jordan Lee' },
        campaign: {
          name: 'New Year, Your Pace',
          objective: 'Sign up 300 new members for the January beginner programme.',
          brief:
            'A four-week beginner programme starting in January: three classes a week, a coach check-in every Friday, and a community challenge. The tone should feel like an invitation, not a resolution.',
          keyMessages: ['Built for beginners', 'A coach checks in every week', 'First class free'],
          themes: ['first steps', 'community', 'small wins'],
          platforms: ['INSTAGRAM', 'TIKTOK'],
          startDate: '2026-12-15',
          endDate: '2027-01-31',
          numPosts: 3,
          numReels: 2,
          ideas: [
            {
              type: 'POST',
              platform: 'INSTAGRAM',
              status: 'PENDING_CLIENT',
              title: 'Your first class, step by step',
              hook: 'Nervous about your first class? Here is exactly what happens.',
              caption:
                'Arrive 10 minutes early, meet your coach, grab a mat. We start slow, explain every move and offer an easier option for all of them. Nobody is watching you — everyone remembers their first class.',
              hashtags: ['#BloomFitness', '#ProgressNotPerfection', '#BeginnerFitness'],
              callToAction: 'Book your free first class.',
              visualDirection:
                'Carousel of five slides, each a friendly photo of a studio moment with a short step title.',
            },
            {
              type: 'REEL',
              platform: 'TIKTOK',
              status: 'CLIENT_REJECTED',
              title: 'Transformation reveal',
              hook: 'Four weeks. Watch the difference.',
              caption: 'Before and after our programme.',
              hashtags: ['#BloomFitness', '#Transformation'],
              callToAction: 'Start your transformation.',
              durationSec: 15,
              beats: [
                { startSec: 0, shot: 'Member in week one', voiceover: 'Week one.', onScreenText: 'Week 1' },
                {
                  startSec: 8,
                  shot: 'Same member in week four',
                  voiceover: 'Week four.',
                  onScreenText: 'Week 4',
                },
              ],
              audioSuggestion: 'Trending beat drop',
              comments: [
                {
                  by: 'client@bloom-fitness.test',
                  body: 'Before/after framing is not us — we focus on how people feel, not how they look.',
                  visibility: 'CLIENT',
                },
              ],
            },
            {
              type: 'POST',
              platform: 'INSTAGRAM',
              status: 'GENERATED',
              title: 'Small wins wall',
              hook: 'Ten members, ten small wins from this week.',
              caption:
                'Maya held a plank for 30 seconds. Theo came back after a year away. Ana brought her sister. Progress is made of weeks like this one — add yours to the wall in the studio.',
              hashtags: ['#BloomFitness', '#SmallWins', '#Community'],
              callToAction: 'Share your small win below.',
              visualDirection:
                'Photo of the studio’s sticky-note wall, colourful notes, a member adding one.',
            },
          ],
        },
      },
    ],
  },
  {
    name: 'Blue Harbor Agency',
    slug: 'blue-harbor-agency',
    monthlyTokenQuota: 1_000_000,
    admins: [{ email: 'owner@blueharbor.test', name: 'Ethan Brooks' }],
    members: [],
    clients: [
      {
        name: 'Harbor Books',
        industry: 'Independent bookshop',
        website: 'https://harbor-books.example',
        brandVoice: 'Bookish, witty and cosy. We recommend books like a friend would, with a wink.',
        toneKeywords: ['witty', 'cosy', 'literary'],
        targetAudience:
          'Readers 20–60 in the harbour district who love discovering books through people, not algorithms.',
        doList: ['feature staff picks', 'quote a line from the book'],
        dontList: ['bestseller list', 'cheap reads'],
        defaultHashtags: ['#HarborBooks', '#Bookstagram'],
        platforms: ['INSTAGRAM', 'FACEBOOK'],
        contact: { email: 'client@harborbooks.test', name: 'Nora Quinn' },
        campaign: {
          name: 'Winter Reading Club',
          objective: 'Fill the twelve seats of the winter reading club and grow newsletter sign-ups.',
          brief:
            'A monthly book club in the shop from December to February, with hot chocolate and a discount on club picks.',
          keyMessages: ['Twelve seats per month', 'Hot chocolate included', '10% off club picks'],
          themes: ['cosy evenings', 'staff picks'],
          platforms: ['INSTAGRAM'],
          startDate: '2026-12-01',
          endDate: '2027-02-28',
          numPosts: 2,
          numReels: 0,
          ideas: [
            {
              type: 'POST',
              platform: 'INSTAGRAM',
              status: 'PENDING_CLIENT',
              title: 'December pick: a first line to fall for',
              hook: '“It was the kind of winter that made the harbour sound like glass.”',
              caption:
                'Our December club pick opens with that line and never lets go. Twelve seats, one armchair circle, hot chocolate on us. Join us on the first Thursday.',
              hashtags: ['#HarborBooks', '#Bookstagram', '#BookClub'],
              callToAction: 'Reserve your seat in the shop or by email.',
              visualDirection: 'The book on a windowsill with frost on the glass and a mug of hot chocolate.',
              comments: [
                {
                  by: 'owner@blueharbor.test',
                  body: 'The opening line is from the publisher’s proof — cleared for use.',
                  visibility: 'CLIENT',
                },
              ],
            },
          ],
        },
      },
    ],
  },
];

export interface DemoAccount {
  email: string;
  name: string;
  role: 'PLATFORM_ADMIN' | 'AGENCY_ADMIN' | 'AGENCY_MEMBER' | 'CLIENT';
  /** Where the account works: its agency, and its brand for client contacts. */
  workspace: string;
}

/** Every demo sign-in, for the start banner and the local sign-in page. */
export function demoAccounts(): DemoAccount[] {
  return [
    { ...PLATFORM_ADMIN, role: 'PLATFORM_ADMIN', workspace: 'Muse platform' },
    ...DEMO_TENANTS.flatMap((tenant) => [
      ...tenant.admins.map((user) => ({ ...user, role: 'AGENCY_ADMIN' as const, workspace: tenant.name })),
      ...tenant.members.map((user) => ({ ...user, role: 'AGENCY_MEMBER' as const, workspace: tenant.name })),
      ...tenant.clients.map((client) => ({
        ...client.contact,
        role: 'CLIENT' as const,
        workspace: `${client.name} · ${tenant.name}`,
      })),
    ]),
  ];
}
